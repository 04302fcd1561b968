#include "importing/ScriptImporter.h"

#include "diagnostics/FailureMessage.h"

#include <QtConcurrent>

namespace spikestudio {

ScriptImporter::ScriptImporter(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ScriptImporter::deliver);
}

bool ScriptImporter::start(const QString& scriptPath) {
    if (isRunning())
        return false;
    scriptPath_ = scriptPath;
    watcher_.setFuture(QtConcurrent::run(&ScriptImporter::run, scriptPath.toStdString()));
    return true;
}

ScriptImporter::Outcome ScriptImporter::run(std::string scriptPath) {
    Outcome outcome;
    try {
        outcome.result = importBrian2Script(scriptPath);
    } catch (const std::exception& error) {
        outcome.error = failureMessage(error, "importing " + scriptPath);
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
