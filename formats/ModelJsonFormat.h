#pragma once

#include "formats/ModelFormat.h"

namespace spikestudio {

/// A model file: the model as JSON (docs/model-format.md), told by its first
/// character opening a JSON object; read through storage's openModel.
class ModelJsonFormat : public ModelFormat {
public:
    std::string name() const override { return "Spike Studio model file"; }
    std::string shortName() const override { return "json"; }
    std::vector<std::string> extensions() const override { return {"json"}; }
    FormatCapability capabilities() const override {
        return FormatCapability::Read | FormatCapability::Write;
    }
    bool supportsFile(const std::string& path) const override;
    LoadedModel read(const std::string& path) const override;
    /// The model alone (a file keeps no layout), replacing `path` once complete.
    void write(const Model& model, const std::string& layoutJson,
               const std::string& path) const override;
};

} // namespace spikestudio
