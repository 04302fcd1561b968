#include "formats/Brian2ScriptFormat.h"

#include "bridge/Brian2Import.h"
#include "formats/FileSniffing.h"
#include "model/ModelWriter.h"

namespace spikestudio {

bool Brian2ScriptFormat::supportsFile(const std::string& path) const {
    return FileSniffing::importsBrian2(path);
}

LoadedModel Brian2ScriptFormat::read(const std::string& path) const {
    Brian2Import imported = importBrian2Script(path);
    LoadedModel loaded;
    loaded.notes = imported.notes;
    loaded.model = onlyModel(std::move(imported), path);
    loaded.text = writeModelJson(loaded.model);
    loaded.format = this;
    loaded.imported = true;
    return loaded;
}

} // namespace spikestudio
