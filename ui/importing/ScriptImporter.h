#pragma once

#include "bridge/Brian2Import.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace spikestudio {

/// Imports a Brian2 script on a worker thread (the script's Python code runs
/// and may take a while), so the window stays responsive; one import at a time.
class ScriptImporter : public QObject {
    Q_OBJECT

public:
    explicit ScriptImporter(QObject* parent = nullptr);

    /// Starts importing `scriptPath`; false while another import runs.
    bool start(const QString& scriptPath);
    bool isRunning() const { return watcher_.isRunning(); }
    QString scriptPath() const { return scriptPath_; }

signals:
    void imported(const spikestudio::Model& model, const QStringList& notes);
    void failed(const QString& message);

private:
    struct Outcome {
        std::optional<Brian2Import> result;
        std::string error; // one line, naming the script
    };
    static Outcome run(std::string scriptPath);
    void deliver();

    QString scriptPath_;
    QFutureWatcher<Outcome> watcher_;
};

} // namespace spikestudio
