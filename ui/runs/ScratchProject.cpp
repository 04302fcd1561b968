#include "runs/ScratchProject.h"

#include <QDir>
#include <QStandardPaths>

namespace spikestudio::ScratchProject {

QString path() {
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (directory.isEmpty() || !QDir().mkpath(directory))
        return {};
    return QDir(directory).filePath("scratch-runs.spikestudio");
}

} // namespace spikestudio::ScratchProject
