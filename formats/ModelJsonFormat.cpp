#include "formats/ModelJsonFormat.h"

#include "formats/FileSniffing.h"
#include "model/ModelWriter.h"
#include "storage/ModelOpener.h"

namespace spikestudio {

bool ModelJsonFormat::supportsFile(const std::string& path) const {
    return FileSniffing::startsJsonObject(path);
}

LoadedModel ModelJsonFormat::read(const std::string& path) const {
    OpenedModel opened = openModel(path);
    return {std::move(opened.model),
            std::move(opened.text),
            std::move(opened.layoutJson),
            this,
            opened.fromProject,
            false,
            {}};
}

void ModelJsonFormat::write(const Model& model, const std::string&, const std::string& path) const {
    writeModelFile(model, path);
}

} // namespace spikestudio
