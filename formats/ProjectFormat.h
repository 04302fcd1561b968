#pragma once

#include "formats/ModelFormat.h"

namespace spikestudio {

/// A Spike Studio project (SQLite): the model, its layout and every run, told
/// by its SQLite header whatever its name; read through storage's openModel.
class ProjectFormat : public ModelFormat {
public:
    std::string name() const override { return "Spike Studio project"; }
    std::string shortName() const override { return "project"; }
    std::vector<std::string> extensions() const override { return {"spikestudio"}; }
    FormatCapability capabilities() const override {
        return FormatCapability::Read | FormatCapability::Write | FormatCapability::KeepsRuns;
    }
    bool ownsExtensions() const override { return true; }
    bool supportsFile(const std::string& path) const override;
    LoadedModel read(const std::string& path) const override;
    /// Creates the project, or replaces an existing project's model and layout; its runs stay.
    void write(const Model& model, const std::string& layoutJson,
               const std::string& path) const override;
};

} // namespace spikestudio
