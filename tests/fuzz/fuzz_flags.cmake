# fuzz_flags: how everything is compiled in the fuzzing build (-DGT_FUZZ=ON, clang): instrumented
# for libFuzzer's coverage, with ASan and UBSan, float-to-int overflow named explicitly (a corrupt
# 1e400 must never reach a cast), and every finding stopping the run. The fuzz targets themselves
# are linked with libFuzzer's main in tests/fuzz/CMakeLists.txt.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "GT_FUZZ needs clang: cmake -S . -B build/fuzz -DGT_FUZZ=ON -DCMAKE_C_COMPILER=clang")
endif()
add_compile_options(-Wno-unknown-warning-option -g -O1 -fno-omit-frame-pointer
                    -fsanitize=fuzzer-no-link,address,undefined,float-cast-overflow -fno-sanitize-recover=all)
add_link_options(-fsanitize=address,undefined,float-cast-overflow)
