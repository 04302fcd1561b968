#include "diagnostics/ModelDiagnostics.h"

#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/ModelProblems.h"
#include "document/ModelDocument.h"
#include "model/CheckedModel.h"

namespace spikestudio {

namespace {

Diagnostic fromModelError(const ModelError& error) {
    const SourceLocation& where = error.where();
    return {QString::fromStdString(where.object),
            QString::fromStdString(where.field),
            where.line,
            where.column,
            QString::fromStdString(error.problem()),
            QString::fromUtf8(error.what())};
}

} // namespace

ModelDiagnostics::ModelDiagnostics(ModelDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, &ModelDiagnostics::checkNow);
    connect(document_, &ModelDocument::changed, this, &ModelDiagnostics::schedule);
}

void ModelDiagnostics::schedule() {
    checked_ = false;
    timer_.start();
}

void ModelDiagnostics::checkNow() {
    timer_.stop();
    problem_.reset();
    problems_.clear();
    try {
        checkModel(document_->model());
    } catch (const ModelProblems& found) {
        for (const ModelError& error : found.all())
            problems_ << fromModelError(error);
        problem_ = problems_.first();
    } catch (const ModelError& error) {
        problem_ = fromModelError(error);
        problems_ << *problem_;
    } catch (...) {
        // The checker reports bad input as ModelError; anything else is still
        // shown (in words for users) rather than allowed to take the editor down.
        const QString text = QString::fromStdString(currentFailureMessage("checking the model"));
        problem_ = Diagnostic{{}, {}, 0, 0, text, text};
        problems_ << *problem_;
    }
    checked_ = true;
    emit updated();
}

} // namespace spikestudio
