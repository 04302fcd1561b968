#include "document/Autosave.h"

#include "files/AtomicOutputFile.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace spikestudio {

Autosave::Autosave(QString directory) : directory_(std::move(directory)) {
    if (directory_.isEmpty())
        directory_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Autosave::modelPath() const {
    return QDir(directory_).filePath("autosave.json");
}

QString Autosave::pathFile() const {
    return QDir(directory_).filePath("autosave.path");
}

void Autosave::save(const spikestudio::Model& model, const QString& originalPath) {
    try {
        QDir().mkpath(directory_);
        spikestudio::writeModelFile(model, modelPath().toStdString());
        spikestudio::AtomicOutputFile path(QFile::encodeName(pathFile()).toStdString());
        path.stream() << originalPath.toStdString();
        path.commit();
    } catch (const std::exception&) {
        // Best effort: a full disk must not interrupt editing.
    }
}

void Autosave::clear() {
    QFile::remove(modelPath());
    QFile::remove(pathFile());
}

std::optional<Autosave::Recovered> Autosave::pending() const {
    if (!QFile::exists(modelPath()))
        return std::nullopt;
    try {
        Recovered recovered{spikestudio::readModelFile(modelPath().toStdString()), {}};
        QFile path(pathFile());
        if (path.open(QIODevice::ReadOnly))
            recovered.originalPath = QString::fromUtf8(path.readAll());
        return recovered;
    } catch (const std::exception&) {
        return std::nullopt; // unreadable: nothing to offer
    }
}

} // namespace spikestudio
