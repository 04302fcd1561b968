#pragma once

#include "formats/FormatCapabilities.h"
#include "formats/LoadedModel.h"

#include <string>
#include <vector>

namespace spikestudio {

/// One kind of file a model is opened from or saved to (after Tiled's
/// MapFormat): its names, its extensions, what it can do, and how to tell it
/// by content. Registered in ModelFormats. Errors are UserErrors naming the file.
class ModelFormat {
public:
    virtual ~ModelFormat() = default;

    /// "Spike Studio project": shown in dialogs and messages.
    virtual std::string name() const = 0;
    /// "project": for the command line and tests.
    virtual std::string shortName() const = 0;
    /// One line for the status bar of its menu entry; empty for none.
    virtual std::string description() const { return {}; }
    /// What reading a file does beyond reading it ("its Python code runs"),
    /// said where the user picks one; empty for nothing.
    virtual std::string readingWarning() const { return {}; }
    /// Without the dot; the first is added to a name that has none.
    virtual std::vector<std::string> extensions() const = 0;
    virtual FormatCapability capabilities() const = 0;
    /// Whether only this format may carry its extensions (a ".spikestudio"
    /// file must be a project, while ".json" says little).
    virtual bool ownsExtensions() const { return false; }
    /// Whether the file at `path` holds this format, judged by its content.
    virtual bool supportsFile(const std::string& path) const = 0;

    /// Reads the file; only for formats that Read or Import.
    virtual LoadedModel read(const std::string& path) const = 0;
    /// Writes `model` and its layout to `path`, whole or not at all; only for
    /// formats that Write. The default refuses, naming the format.
    virtual void write(const Model& model, const std::string& layoutJson,
                       const std::string& path) const;

    bool can(FormatCapability wanted) const { return includes(capabilities(), wanted); }
    /// "Spike Studio project (*.spikestudio)", for a file dialog.
    std::string nameFilter() const;
    /// Whether `path` ends in one of the extensions.
    bool matchesExtension(const std::string& path) const;
};

} // namespace spikestudio
