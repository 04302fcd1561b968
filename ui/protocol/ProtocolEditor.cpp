#include "protocol/ProtocolEditor.h"

#include "commands/EditModelCommand.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "document/ProtocolEdits.h"
#include "document/ProtocolTimes.h"
#include "protocol/ProtocolChangesTable.h"
#include "protocol/ProtocolSegmentsTable.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

QString timeText(double seconds) {
    return seconds < 1.0 ? QString::number(seconds * 1e3, 'g', 6) + " ms"
                         : QString::number(seconds, 'g', 6) + " s";
}

bool isProtocolProblem(const Diagnostic& problem) {
    return problem.field.startsWith("protocol") ||
           (problem.object == "model" && problem.field == "duration");
}

} // namespace

ProtocolEditor::ProtocolEditor(ModelDocument* document, ModelDiagnostics* diagnostics,
                               QWidget* parent)
    : QWidget(parent), document_(document), diagnostics_(diagnostics), summary_(new QLabel(this)),
      convert_(new QPushButton(tr("Convert to protocol"), this)),
      segments_(new ProtocolSegmentsTable(document, this)),
      changes_(new ProtocolChangesTable(document, this)), problem_(new QLabel(this)) {
    setObjectName("protocolEditor");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* title = new QLabel(tr("<b>Protocol</b>"), this);
    title->setToolTip(tr("Run the model in segments, changing values between them, as a Brian2 "
                         "script does with several run() calls"));
    summary_->setObjectName("protocolSummary");
    summary_->setWordWrap(true);
    summary_->setStyleSheet("color: palette(mid)");
    convert_->setObjectName("convertToProtocol");
    convert_->setToolTip(tr("Make the model's duration the first segment of a protocol"));
    problem_->setObjectName("protocolProblem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    problem_->hide();
    layout->addWidget(title);
    layout->addWidget(summary_);
    layout->addWidget(convert_, 0, Qt::AlignLeft);
    layout->addWidget(segments_);
    layout->addWidget(changes_);
    layout->addWidget(problem_);
    layout->addStretch(1);
    segments_->showObject({});
    changes_->showObject({});
    connect(convert_, &QPushButton::clicked, this, &ProtocolEditor::convert);
    connect(segments_, &ProtocolSegmentsTable::segmentSelected, this, &ProtocolEditor::showSegment);
    connect(document_, &ModelDocument::changed, this, &ProtocolEditor::refresh);
    connect(diagnostics_, &ModelDiagnostics::updated, this, &ProtocolEditor::applyDiagnostics);
    refresh();
}

QString ProtocolEditor::summaryText() const {
    return summary_->text();
}

QString ProtocolEditor::problemText() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

void ProtocolEditor::refresh() {
    const Model& model = document_->model();
    const bool hasProtocol = !model.protocol.empty();
    if (!hasProtocol) {
        summary_->setText(
            tr("One run of %1 (Duration on the Model page). Convert it to run segments with "
               "values changed between them.")
                .arg(model.duration.empty() ? tr("the model's duration")
                                            : QString::fromStdString(model.duration)));
    } else {
        const std::optional<double> total = ProtocolTimes::total(model);
        const size_t count = model.protocol.size();
        summary_->setText(
            (count == 1 ? tr("1 segment") : tr("%1 segments, run one after the other").arg(count)) +
            (total ? tr("; %1 in all").arg(timeText(*total)) : QString()) + ".");
    }
    convert_->setVisible(!hasProtocol);
    segments_->setVisible(hasProtocol);
    segments_->refresh();
    int selected = segments_->selectedSegment();
    if (hasProtocol && selected < 0) {
        segments_->selectSegment(0);
        selected = segments_->selectedSegment();
    }
    showSegment(selected);
    applyDiagnostics();
}

void ProtocolEditor::showSegment(int index) {
    const bool shown = index >= 0 && index < int(document_->model().protocol.size());
    changes_->setSegment(shown ? index : -1);
    changes_->setVisible(shown);
    changes_->setHeading(shown ? (index == 0 ? tr("Segment 1 starts from the initial values")
                                             : tr("Changes before segment %1").arg(index + 1))
                               : QString());
    changes_->refresh();
    applyDiagnostics();
}

void ProtocolEditor::applyDiagnostics() {
    const QList<Diagnostic>& problems = diagnostics_->problems();
    segments_->applyProblems(problems);
    changes_->applyProblems(problems);
    QStringList unshown;
    for (const Diagnostic& problem : problems)
        if (isProtocolProblem(problem) && !segments_->shows(problem))
            unshown << problem.message;
    problem_->setText(unshown.join("\n"));
    problem_->setVisible(!unshown.isEmpty());
}

void ProtocolEditor::convert() {
    document_->undoStack()->push(new EditModelCommand(document_, tr("Convert to protocol"),
                                                      ProtocolEdits::convertToProtocol));
}

} // namespace spikestudio
