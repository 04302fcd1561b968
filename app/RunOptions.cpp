#include "RunOptions.h"

#include "NumberOption.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/PrintableText.h"
#include "formats/ModelFormats.h"
#include "model/Seed.h"
#include "runtime/MachineCores.h"
#include "storage/ModelOpener.h"

#include <algorithm>
#include <stdexcept>

namespace spikestudio {

TierMode parseTier(const std::optional<std::string>& text) {
    if (!text || *text == "auto")
        return TierMode::Auto;
    if (*text == "tcc")
        return TierMode::Tcc;
    if (*text == "native")
        return TierMode::Native;
    throw ModelError({"command line", "--tier", 0, 0}, "the tier must be auto, tcc or native");
}

ThreadOptions threadOptions(const std::optional<std::string>& text) {
    ThreadOptions options;
    if (!text) {
        options.threads = machineCores(kMostThreadsPerRun);
        return options;
    }
    options.threads = static_cast<int>(numberOption(
        *text, "--threads", "the number of threads must be a whole number", 1, kMostThreadsPerRun));
    return options;
}

void requireOneModel(const CommandLine& line) {
    if (line.positional.size() != 1)
        throw std::invalid_argument("expected exactly one MODEL file");
}

CheckOptions checkOptions(const CommandLine& line) {
    CheckOptions options;
    options.duration = line.duration;
    if (line.seed)
        options.seed = Seed::fromOption(*line.seed, "--seed");
    return options;
}

ModelSource loadModel(const std::string& path, std::ostream& err) {
    const ModelFormat* format = ModelFormats::ofContent(path);
    if (format && format->can(FormatCapability::Import)) {
        LoadedModel imported = format->read(path);
        for (const std::string& note : imported.notes)
            err << printable(note) << "\n";
        return {std::move(imported.model), std::move(imported.text)};
    }
    OpenedModel opened = openModel(path);
    return {std::move(opened.model), std::move(opened.text)};
}

std::optional<std::string> projectPath(const CommandLine& line) {
    if (line.database)
        return line.database;
    if (isProjectFile(line.positional[0]))
        return line.positional[0];
    return std::nullopt;
}

} // namespace spikestudio
