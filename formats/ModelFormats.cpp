#include "formats/ModelFormats.h"

#include "diagnostics/ModelError.h"
#include "formats/Brian2ScriptFormat.h"
#include "formats/ModelJsonFormat.h"
#include "formats/ProjectFormat.h"

#include <filesystem>
#include <memory>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

/// The registration: one line per format. The project comes first, as its
/// SQLite header is the surest sign.
std::vector<std::unique_ptr<ModelFormat>> registeredFormats() {
    std::vector<std::unique_ptr<ModelFormat>> formats;
    formats.push_back(std::make_unique<ProjectFormat>());
    formats.push_back(std::make_unique<ModelJsonFormat>());
    formats.push_back(std::make_unique<Brian2ScriptFormat>());
    return formats;
}

ModelError fileError(const std::string& path, const std::string& problem) {
    return ModelError({path, "", 0, 0}, problem);
}

std::string namesOf(const std::vector<const ModelFormat*>& formats) {
    std::string names;
    for (size_t i = 0; i < formats.size(); ++i)
        names += (i == 0 ? "" : i + 1 == formats.size() ? " or a " : ", a ") + formats[i]->name();
    return "a " + names;
}

/// The format that alone may carry `path`'s extension, if any.
const ModelFormat* ownerOfName(const std::string& path) {
    for (const ModelFormat* format : ModelFormats::all())
        if (format->ownsExtensions() && format->matchesExtension(path))
            return format;
    return nullptr;
}

/// Refuses content of one format under a name another format owns.
void requireFittingName(const std::string& path, const ModelFormat& content) {
    const ModelFormat* owner = ownerOfName(path);
    if (owner && owner != &content)
        throw fileError(path, "holds a " + content.name() + ", but its name ends in ." +
                                  fs::path(path).extension().string().substr(1) +
                                  ", which only a " + owner->name() + " may; rename it to ." +
                                  content.extensions().front());
}

} // namespace

const std::vector<const ModelFormat*>& ModelFormats::all() {
    static const std::vector<std::unique_ptr<ModelFormat>> owned = registeredFormats();
    static const std::vector<const ModelFormat*> formats = [] {
        std::vector<const ModelFormat*> pointers;
        for (const auto& format : owned)
            pointers.push_back(format.get());
        return pointers;
    }();
    return formats;
}

std::vector<const ModelFormat*> ModelFormats::with(FormatCapability capability) {
    std::vector<const ModelFormat*> found;
    for (const ModelFormat* format : all())
        if (format->can(capability))
            found.push_back(format);
    return found;
}

const ModelFormat* ModelFormats::byShortName(const std::string& shortName) {
    for (const ModelFormat* format : all())
        if (format->shortName() == shortName)
            return format;
    return nullptr;
}

const ModelFormat* ModelFormats::ofContent(const std::string& path) {
    for (const ModelFormat* format : all())
        if (format->supportsFile(path))
            return format;
    return nullptr;
}

const ModelFormat& ModelFormats::forReading(const std::string& path) {
    std::error_code error;
    if (!fs::exists(path, error))
        throw fileError(path, "no such file");
    if (!fs::is_regular_file(path, error))
        throw fileError(path, "not a regular file");
    const ModelFormat* format = ofContent(path);
    if (!format)
        throw fileError(path,
                        "Spike Studio cannot tell what this file is: it is not " + namesOf(all()));
    requireFittingName(path, *format);
    return *format;
}

const ModelFormat& ModelFormats::forWriting(const std::string& path) {
    const ModelFormat* existing = ofContent(path);
    if (existing && existing->can(FormatCapability::Write)) {
        requireFittingName(path, *existing);
        return *existing;
    }
    for (const ModelFormat* format : with(FormatCapability::Write))
        if (format->matchesExtension(path))
            return *format;
    return *byShortName("json");
}

bool ModelFormats::keepsRuns(const std::string& path) {
    const ModelFormat* format = ofContent(path);
    return format && format->can(FormatCapability::KeepsRuns);
}

} // namespace spikestudio
