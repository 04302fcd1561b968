#pragma once

#include "model/Model.h"

#include <string>
#include <vector>

namespace spikestudio {

class ModelFormat;

/// A model as a format read it, with what its caller needs to know.
struct LoadedModel {
    Model model;
    std::string text;       // the model JSON (as the file holds it, or as imported)
    std::string layoutJson; // where the nodes were; empty when the file keeps no layout
    const ModelFormat* format = nullptr;
    bool keepsRuns = false;         // a project: runs go into the file
    bool imported = false;          // a translation: it opens unsaved, with no file of its own
    std::vector<std::string> notes; // what a translation noted on the way
};

} // namespace spikestudio
