#pragma once

#include "model/Model.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// A Brian2 script as models, and what the importer noted on the way. A
/// script that runs one network is one model; several networks that differ
/// only in numbers are one model and a sweep over it; other networks are one
/// model each, in the order the script ran them (docs/brian2-import.md).
struct Brian2Import {
    std::vector<Model> models;        // at least one
    std::optional<std::string> sweep; // the sweep over models[0]: its specification,
                                      // as `sweep --spec` reads it and a project keeps it
    std::vector<std::string> notes;   // the importer's "note: " lines
    std::size_t networks = 1;         // how many networks the script ran

    bool severalNetworks() const { return networks > 1; }
};

/// How long a script may run by default when it is imported.
inline constexpr std::chrono::seconds kDefaultImportTimeout{600};

/// Makes the running program the `spikestudio` program the importer
/// simulates with when a script reads its monitors after run()
/// (docs/brian2-import.md, "Scripts that read their monitors"): the
/// program's main() calls it, so `spikestudio import` and the desktop app's
/// File > Import simulate with themselves. Without it (a test program, say)
/// the importer finds the program itself: SPIKESTUDIO_BINARY, the one
/// installed with its package, or spikestudio on PATH.
void simulateImportsWithThisProgram();

/// Throws ModelError naming `path` unless it is a regular file.
void requireBrian2Script(const std::string& path);

/// Runs the Brian2 script at `scriptPath` through Python's
/// brian2spikestudio.importer (docs/brian2-import.md): the script's own code
/// runs, with Brian2 recording the network instead of simulating it (and,
/// for a script that reads its monitors after run(), once more with each
/// run() simulated by Spike Studio; everything within `timeout`). The
/// models are read and checked as `check` checks them (and a sweep as
/// `sweep` checks it), so a model Spike Studio refuses never comes back. Throws ModelError naming
/// the script: a script that is not a regular file, Python or Brian2 missing, the timeout, a
/// feature the format cannot express (with its line), a refused model.
Brian2Import importBrian2Script(const std::string& scriptPath,
                                std::chrono::seconds timeout = kDefaultImportTimeout);

/// The one model of `imported`; ModelError naming `scriptPath` when the
/// script ran several networks (they are imported with `spikestudio import`).
Model onlyModel(Brian2Import imported, const std::string& scriptPath);

} // namespace spikestudio
