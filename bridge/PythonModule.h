#pragma once

#include "engine/ChildProcess.h"

#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

class ScratchDirectory;

/// The Python that runs Spike Studio's Python package: SPIKESTUDIO_PYTHON,
/// else Debian's /usr/bin/python3.
std::string pythonExecutable();

/// Runs the module brian2spikestudio.`module` (its main(), with `arguments`
/// as sys.argv[1:]) in pythonExecutable(), with the package found beside
/// the executable (pythonPackagesDirectory) before Python's own search path,
/// no shell in between, the current folder kept off the import path and no
/// byte-code written.
ProcessResult runPythonModule(const std::string& module, const std::vector<std::string>& arguments,
                              const ProcessLimits& limits);

/// Throws ModelError unless the module ran and exited with status 0: when
/// Python could not start, naming `role` ("the importer") and how to
/// `install` what it needs; when it timed out; else the module's own last
/// line, without its "error: ".
void requireSuccess(const ProcessResult& result, const std::string& role,
                    const std::string& install);

/// The module's "note: " lines, in order.
std::vector<std::string> noteLines(const ProcessResult& result);

/// A private folder (mode 0700) in the system's temporary folder for what a
/// module reads and writes, removed with everything in it; ModelError naming
/// `role` when none can be made.
std::unique_ptr<ScratchDirectory> scratchDirectoryFor(const std::string& role);

} // namespace spikestudio
