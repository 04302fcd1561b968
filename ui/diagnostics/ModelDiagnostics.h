#pragma once

#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <optional>

namespace spikestudio {

class ModelDocument;

/// Runs core's checker on the edited model shortly after every change
/// (debounced, so typing stays smooth) and keeps every problem it reports,
/// the first first.
/// A model with a problem cannot be run.
class ModelDiagnostics : public QObject {
    Q_OBJECT

public:
    static constexpr int kDelayMs = 150;

    explicit ModelDiagnostics(ModelDocument* document, QObject* parent = nullptr);

    /// The first problem, which the status bar shows.
    const std::optional<Diagnostic>& problem() const { return problem_; }
    /// Every problem, in the order the checker found them.
    const QList<Diagnostic>& problems() const { return problems_; }
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
    QList<Diagnostic> problems_;
    bool checked_ = false;
};

} // namespace spikestudio
