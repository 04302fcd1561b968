#include "protocol/ProtocolSegmentsTable.h"

#include "document/ProtocolEdits.h"
#include "model/SeedEntry.h"

#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

namespace {

/// "I of G, tau = 5*ms, spikes off, seed(), dt = 0.05*ms" for what a segment changes.
QString changesSummary(const ProtocolSegmentSpec& segment) {
    QStringList parts;
    for (const ProtocolChange& change : segment.set)
        if (change.changesConstant())
            parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(change.constant),
                                                   QString::fromStdString(change.assignment.value));
        else if (change.switchesActive())
            parts << (*change.active ? QObject::tr("%1 on") : QObject::tr("%1 off"))
                         .arg(QString::fromStdString(change.object));
        else if (change.reseeds())
            parts << QString::fromStdString(seedCallText(*change.reseed));
        else if (change.replacesTimedArray())
            parts
                << QObject::tr("%1 replaced").arg(QString::fromStdString(change.timedArray->name));
        else if (change.setsSpikes())
            parts << QObject::tr("spikes of %1").arg(QString::fromStdString(change.object));
        else if (change.changesDt())
            parts << QStringLiteral("dt = %1").arg(QString::fromStdString(change.dt));
        else
            parts << QObject::tr("%1 of %2")
                         .arg(QString::fromStdString(change.assignment.variable),
                              QString::fromStdString(change.object));
    return parts.isEmpty() ? QObject::tr("none") : parts.join(", ");
}

} // namespace

ProtocolSegmentsTable::ProtocolSegmentsTable(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Segments"), {tr("Segment"), tr("Duration"), tr("Sets before it")},
                   parent),
      moveUp_(addToolButton("↑", tr("Run the selected segment earlier"))),
      moveDown_(addToolButton("↓", tr("Run the selected segment later"))) {
    setObjectName("section:segments");
    addButton()->setToolTip(tr("Add a segment after the selected one (Brian2: another run())"));
    removeButton()->setToolTip(tr("Remove the selected segment"));
    moveUp_->setObjectName("segmentUp");
    moveDown_->setObjectName("segmentDown");
    connect(addButton(), &QToolButton::clicked, this, &ProtocolSegmentsTable::addSegment);
    connect(moveUp_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(moveDown_, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(table(), &QTableWidget::currentCellChanged, this,
            [this](int row) { emit segmentSelected(row); });
}

bool ProtocolSegmentsTable::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

int ProtocolSegmentsTable::selectedSegment() const {
    const int row = table()->currentRow();
    return row >= 0 && row < int(model().protocol.size()) ? row : -1;
}

void ProtocolSegmentsTable::selectSegment(int index) {
    if (index >= 0 && index < table()->rowCount())
        table()->setCurrentCell(index, std::max(table()->currentColumn(), 0));
}

QList<QStringList> ProtocolSegmentsTable::rows() const {
    QList<QStringList> rows;
    const std::vector<ProtocolSegmentSpec>& protocol = model().protocol;
    for (size_t k = 0; k < protocol.size(); ++k)
        rows.append({tr("segment %1").arg(k + 1), QString::fromStdString(protocol[k].duration),
                     k == 0 && protocol[k].set.empty() ? tr("(initial values)")
                                                       : changesSummary(protocol[k])});
    return rows;
}

bool ProtocolSegmentsTable::isEditable(int, int column) const {
    return column == DurationColumn;
}

void ProtocolSegmentsTable::commitCell(int row, int column, const QString& text) {
    if (column != DurationColumn || row < 0 || row >= int(model().protocol.size()))
        return;
    const std::string duration = text.trimmed().toStdString();
    if (duration.empty()) {
        showLocalProblem(row, column, tr("a segment needs a duration, such as 100*ms"));
        return;
    }
    if (duration == model().protocol[size_t(row)].duration)
        return;
    pushEdit(tr("Duration of segment %1").arg(row + 1), [row, duration](Model& model) {
        if (row < int(model.protocol.size()))
            model.protocol[size_t(row)].duration = duration;
    });
    selectSegment(row);
}

void ProtocolSegmentsTable::addSegment() {
    const int selected = selectedSegment();
    const size_t after = selected >= 0 ? size_t(selected) : model().protocol.size();
    Model preview = model();
    const size_t added = ProtocolEdits::addSegment(preview, after);
    pushEdit(tr("Add segment %1").arg(added + 1),
             [after](Model& model) { ProtocolEdits::addSegment(model, after); });
    selectSegment(int(added));
}

void ProtocolSegmentsTable::removeRow(int row) {
    if (row < 0 || row >= int(model().protocol.size()))
        return;
    pushEdit(tr("Remove segment %1").arg(row + 1),
             [row](Model& model) { ProtocolEdits::removeSegment(model, size_t(row)); });
    selectSegment(std::min(row, table()->rowCount() - 1));
}

void ProtocolSegmentsTable::moveSelected(int by) {
    const int row = selectedSegment();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= int(model().protocol.size()))
        return;
    pushEdit(by < 0 ? tr("Move segment %1 earlier").arg(row + 1)
                    : tr("Move segment %1 later").arg(row + 1),
             [row, by](Model& model) { ProtocolEdits::moveSegment(model, size_t(row), by); });
    selectSegment(to);
}

// The checker names a segment "protocol[k]" with a part: its duration, or an
// entry of its values (on the model, or on the group the entry sets).
std::optional<TableSection::Cell>
ProtocolSegmentsTable::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field("^protocol\\[(\\d+)\\](?:\\.(\\w+))?");
    const QRegularExpressionMatch match = field.match(problem.field);
    if (!match.hasMatch())
        return std::nullopt;
    const int row = match.captured(1).toInt();
    if (row >= int(model().protocol.size()))
        return std::nullopt;
    return Cell{row, match.captured(2) == "set" ? int(ChangesColumn) : int(DurationColumn)};
}

} // namespace spikestudio
