#include "importing/ScriptImporter.h"

#include "diagnostics/FailureMessage.h"
#include "formats/ModelFormat.h"

#include <QtConcurrent>

namespace spikestudio {

ScriptImporter::ScriptImporter(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ScriptImporter::deliver);
}

bool ScriptImporter::start(const ModelFormat& format, const QString& path) {
    if (isRunning())
        return false;
    scriptPath_ = path;
    watcher_.setFuture(QtConcurrent::run(&ScriptImporter::run, &format, path.toStdString()));
    return true;
}

ScriptImporter::Outcome ScriptImporter::run(const ModelFormat* format, std::string path) {
    Outcome outcome;
    try {
        outcome.result = format->read(path);
    } catch (const std::exception& error) {
        outcome.error = failureMessage(error, "importing " + path);
    }
    return outcome;
}

void ScriptImporter::deliver() {
    const Outcome outcome = watcher_.result();
    if (!outcome.result) {
        emit failed(QString::fromStdString(outcome.error));
        return;
    }
    QStringList notes;
    for (const std::string& note : outcome.result->notes)
        notes << QString::fromStdString(note);
    emit imported(outcome.result->model, notes);
}

} // namespace spikestudio
