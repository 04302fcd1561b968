#include "storage/ModelOpener.h"

#include "diagnostics/ModelError.h"
#include "model/ModelReader.h"
#include "storage/PathChecks.h"
#include "storage/Project.h"

#include <optional>

namespace spikestudio {

namespace {

/// The model a project holds; errors name the project.
OpenedModel openProject(const std::string& path) {
    const std::optional<StoredModel> stored = Project(path, ProjectAccess::ReadOnly).model();
    if (!stored)
        throw ModelError({path, "", 0, 0}, "the project holds no model yet");
    OpenedModel opened;
    opened.text = stored->modelJson;
    opened.layoutJson = stored->layoutJson;
    opened.fromProject = true;
    try {
        opened.model = readModel(opened.text);
    } catch (const ModelError& error) {
        if (error.where().object != "model file")
            throw;
        throw ModelError({path, "model", error.where().line, error.where().column},
                         "the project's model: " + error.problem());
    }
    return opened;
}

} // namespace

bool isProjectFile(const std::string& path) {
    return PathChecks::hasSqliteHeader(path);
}

OpenedModel openModel(const std::string& path) {
    if (isProjectFile(path))
        return openProject(path);
    OpenedModel opened;
    opened.model = readModelFile(path, &opened.text);
    return opened;
}

} // namespace spikestudio
