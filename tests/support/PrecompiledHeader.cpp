// The translation unit the tests' precompiled headers are built for
// (tests/CMakeLists.txt); every test reuses one of them.
