#pragma once

#include "model/Model.h"

#include <string>

namespace spikestudio {

/// A model as opened from a file: what it says, its exact text and, from a
/// project, where its nodes were.
struct OpenedModel {
    Model model;
    std::string text;       // the model JSON as the file holds it
    std::string layoutJson; // a project's node layout; empty for a model file
    bool fromProject = false;
};

/// The one place that opens "a project or a model JSON": a project (told by
/// its first bytes, whatever its name) gives its saved model and layout,
/// anything else is read as a model file. Errors are ModelError or
/// StorageError naming the file.
OpenedModel openModel(const std::string& path);

/// Whether `path` is a project by its content (an SQLite header).
bool isProjectFile(const std::string& path);

} // namespace spikestudio
