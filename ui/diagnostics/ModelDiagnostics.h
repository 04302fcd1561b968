#pragma once

#include "diagnostics/Diagnostic.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace spikestudio {

class ModelDocument;

/// Runs core's checker on the edited model shortly after every change
/// (debounced, so typing stays smooth) and keeps the first problem it reports.
/// A model with a problem cannot be run.
class ModelDiagnostics : public QObject {
    Q_OBJECT

public:
    static constexpr int kDelayMs = 150;

    explicit ModelDiagnostics(ModelDocument* document, QObject* parent = nullptr);

    const std::optional<Diagnostic>& problem() const { return problem_; }
    bool canRun() const { return checked_ && !problem_; }

    /// Checks at once (also cancels a pending check).
    void checkNow();

signals:
    void updated();

private:
    void schedule();

    ModelDocument* document_;
    QTimer timer_;
    std::optional<Diagnostic> problem_;
    bool checked_ = false;
};

} // namespace spikestudio
