// The Brian2 script exporter: the model as a readable Brian2 script for one
// of Brian2's devices, written by bridge/Brian2Export (docs/brian2-export.md).
#include "bridge/Brian2Export.h"
#include "formats/Exporter.h"

#include <map>
#include <memory>

namespace spikestudio {

namespace {

class Brian2ScriptExporter : public Exporter {
public:
    std::string name() const override { return "Brian2 script"; }
    std::string shortName() const override { return "brian2"; }
    std::string extension() const override { return "py"; }
    std::string description() const override {
        return "Write the model as a Brian2 script, for Brian2's runtime, C++ standalone, or "
               "GPUs (brian2cuda, brian2genn)";
    }

    std::vector<ExportChoice> choices() const override {
        static const std::map<std::string, std::string> labels{
            {"runtime", "runtime device"},
            {"cpp_standalone", "C++ standalone device"},
            {"cuda_standalone", "brian2cuda: NVIDIA GPUs"},
            {"genn", "brian2genn: NVIDIA GPUs"}};
        std::vector<ExportChoice> devices;
        for (const std::string& device : brian2ExportDevices()) {
            const auto label = labels.find(device);
            devices.push_back({device, label == labels.end() ? device : label->second});
        }
        return devices;
    }

    std::vector<std::string> write(const ExportInput& input, const std::string& choice,
                                   const std::string& path) const override {
        Brian2ExportOptions options;
        if (!choice.empty())
            options.device = choice;
        options.duration = input.duration;
        options.seed = input.seed;
        return exportBrian2Script(input.modelJson, path, options);
    }
};

} // namespace

std::unique_ptr<Exporter> makeBrian2ScriptExporter() {
    return std::make_unique<Brian2ScriptExporter>();
}

} // namespace spikestudio
