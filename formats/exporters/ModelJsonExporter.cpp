// A copy of the model as a model file (JSON), with the seed and duration of a
// stored run when one is exported: a file to share or to run elsewhere, while
// the project being edited stays the one the window saves to.
#include "diagnostics/ModelError.h"
#include "formats/Exporter.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <memory>

namespace spikestudio {

namespace {

class ModelJsonExporter : public Exporter {
public:
    std::string name() const override { return "Model file copy"; }
    std::string shortName() const override { return "json"; }
    std::string extension() const override { return "json"; }
    std::string description() const override {
        return "Write a copy of the model as a model file (.json), keeping this one open";
    }

    std::vector<std::string> write(const ExportInput& input, const std::string& choice,
                                   const std::string& path) const override {
        if (!choice.empty())
            throw ModelError({"export", "choice", 0, 0},
                             "a model file has no variants, got '" + choice + "'");
        Model model = readModel(input.modelJson);
        if (input.duration)
            model.duration = *input.duration;
        if (input.seed)
            model.seed = input.seed;
        writeModelFile(model, path);
        return {};
    }
};

} // namespace

std::unique_ptr<Exporter> makeModelJsonExporter() {
    return std::make_unique<ModelJsonExporter>();
}

} // namespace spikestudio
