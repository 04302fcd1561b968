#pragma once

#include "model/Model.h"

#include <chrono>
#include <string>
#include <vector>

namespace spikestudio {

/// A Brian2 script as a model, and what the importer noted on the way.
struct Brian2Import {
    Model model;
    std::vector<std::string> notes; // the importer's "note: " lines
};

/// How long a script may run by default when it is imported.
inline constexpr std::chrono::seconds kDefaultImportTimeout{600};

/// Throws ModelError naming `path` unless it is a regular file.
void requireBrian2Script(const std::string& path);

/// Runs the Brian2 script at `scriptPath` through Python's
/// brian2spikestudio.importer (docs/brian2-import.md): the script's own code
/// runs, with Brian2 recording the network instead of simulating it. The
/// model is read and checked as `check` checks it, so a model Spike Studio
/// refuses never comes back. Throws ModelError naming the script: a script
/// that is not a regular file, Python or Brian2 missing, the timeout, a
/// feature the format cannot express (with its line), a refused model.
Brian2Import importBrian2Script(const std::string& scriptPath,
                                std::chrono::seconds timeout = kDefaultImportTimeout);

} // namespace spikestudio
