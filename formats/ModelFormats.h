#pragma once

#include "formats/ModelFormat.h"

#include <string>
#include <vector>

namespace spikestudio {

/// The registered model formats (after Tiled's FormatHelper): a project, a
/// model file, a Brian2 script. A file's format is told by its content; an
/// extension only decides for a file not written yet. Errors are ModelErrors
/// naming the file.
class ModelFormats {
public:
    /// Every format, in the order dialogs list them.
    static const std::vector<const ModelFormat*>& all();
    /// The formats that can do all of `capability`.
    static std::vector<const ModelFormat*> with(FormatCapability capability);
    static const ModelFormat* byShortName(const std::string& shortName);

    /// The format whose content the file holds; null for none (or no file).
    static const ModelFormat* ofContent(const std::string& path);
    /// The format to read `path` with, by its content. Refuses a missing
    /// file, content no format knows (naming the formats tried) and a name
    /// owned by another format (a model file named .spikestudio).
    static const ModelFormat& forReading(const std::string& path);
    /// The writable format for `path`: an existing file's own (a project
    /// named .json stays a project, never overwritten by a model file), else
    /// the one its extension names, else a model file. Refuses a name owned by
    /// another format than the file holds.
    static const ModelFormat& forWriting(const std::string& path);
    /// Whether runs made with the model at `path` are recorded into it.
    static bool keepsRuns(const std::string& path);
};

} // namespace spikestudio
