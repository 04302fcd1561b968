#pragma once

#include "formats/LoadedModel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace spikestudio {

class ModelFormat;

/// Imports a file through its format on a worker thread (a Brian2 script's
/// Python code runs and may take a while), so the window stays responsive;
/// one import at a time.
class ScriptImporter : public QObject {
    Q_OBJECT

public:
    explicit ScriptImporter(QObject* parent = nullptr);

    /// Starts reading `path` as `format`; false while another import runs.
    bool start(const ModelFormat& format, const QString& path);
    bool isRunning() const { return watcher_.isRunning(); }
    QString scriptPath() const { return scriptPath_; }

signals:
    void imported(const spikestudio::Model& model, const QStringList& notes);
    void failed(const QString& message);

private:
    struct Outcome {
        std::optional<LoadedModel> result;
        std::string error; // one line, naming the file
    };
    static Outcome run(const ModelFormat* format, std::string path);
    void deliver();

    QString scriptPath_;
    QFutureWatcher<Outcome> watcher_;
};

} // namespace spikestudio
