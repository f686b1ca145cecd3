/* faults: faulty attempts made from a step's demonstration, one mistake at a time, to
 * prove that each mistake lowers its own criterion and leaves the others alone. */
#ifndef GT_FAULTS_H
#define GT_FAULTS_H

#include <stdbool.h>
#include "gt_score.h"

typedef enum GtFault {
    GT_FAULT_TOO_FAST, GT_FAULT_TOO_SLOW, GT_FAULT_REVERSED, GT_FAULT_ALONG_FIBRES,
    GT_FAULT_TOO_LIGHT, GT_FAULT_TOO_HEAVY, GT_FAULT_OFF_GUIDE, GT_FAULT_LIFTED,
    GT_FAULT_IRREGULAR, GT_FAULT_HOLD_SHORT,
    GT_FAULT_CIRCLING,   /* circles walked along the guide where a roll wants straight passes */
    GT_FAULT_COUNT
} GtFault;

const char *gt_fault_name(GtFault fault);

/* Whether the mistake can be made with this technique at all. */
bool gt_fault_applies(const GtTechnique *technique, GtFault fault);

/* The criterion the mistake belongs to, and a phrase its feedback must contain. */
GtCriterion gt_fault_criterion(const GtTechnique *technique, GtFault fault);
const char *gt_fault_keyword(const GtTechnique *technique, GtFault fault);

/* A second criterion the mistake cannot help lowering as well, or GT_CRITERION_COUNT for none:
 * a roll covers the guide in every pass, so rolling too fast or too slow changes its passes per
 * minute (rhythm, the fault's own criterion) and its speed together, and uneven passes are
 * uneven speed too. */
GtCriterion gt_fault_companion(const GtTechnique *technique, GtFault fault);

/* Builds the faulty attempt from `demo` into `out` (which the caller frees). */
bool gt_fault_make(GtFault fault, const GtScoreTarget *target, const GtReplay *demo, GtReplay *out);

#endif
