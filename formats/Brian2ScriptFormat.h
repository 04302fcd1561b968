#pragma once

#include "formats/ModelFormat.h"

namespace spikestudio {

/// A Brian2 script, imported by running it (bridge/Brian2Import,
/// docs/brian2-import.md): told by a line importing brian2. It opens as a new,
/// unsaved model. Writing one is the Brian2 script exporter's job.
class Brian2ScriptFormat : public ModelFormat {
public:
    std::string name() const override { return "Brian2 script"; }
    std::string shortName() const override { return "brian2"; }
    std::string description() const override {
        return "Open a Brian2 script as a model: the script runs, with Brian2 recording its "
               "network instead of simulating it";
    }
    std::string readingWarning() const override { return "its Python code runs"; }
    std::vector<std::string> extensions() const override { return {"py"}; }
    FormatCapability capabilities() const override { return FormatCapability::Import; }
    bool supportsFile(const std::string& path) const override;
    /// Runs the script's own Python code, with the default timeout.
    LoadedModel read(const std::string& path) const override;
};

} // namespace spikestudio
