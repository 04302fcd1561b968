#include "formats/ProjectFormat.h"

#include "formats/FileSniffing.h"
#include "model/ModelWriter.h"
#include "storage/ModelOpener.h"
#include "storage/Project.h"

namespace spikestudio {

bool ProjectFormat::supportsFile(const std::string& path) const {
    return FileSniffing::isRegularFile(path) && isProjectFile(path); // a FIFO would block
}

LoadedModel ProjectFormat::read(const std::string& path) const {
    OpenedModel opened = openModel(path);
    return {std::move(opened.model),
            std::move(opened.text),
            std::move(opened.layoutJson),
            this,
            opened.fromProject,
            false,
            {}};
}

void ProjectFormat::write(const Model& model, const std::string& layoutJson,
                          const std::string& path) const {
    const std::string json = writeModelJson(model);
    const std::string layout = layoutJson.empty() ? "{}" : layoutJson;
    // A failed save keeps the old model, or leaves no new file.
    Project::openOrCreate(path, json, layout).saveModel(json, layout);
}

} // namespace spikestudio
