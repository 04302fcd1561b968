#include "inspector/TableSection.h"

#include "commands/EditModelCommand.h"
#include "document/ModelDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

namespace {

const QColor kProblemBackground(0xfd, 0xe2, 0xe1);

QToolButton* smallButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TableSection::TableSection(ModelDocument* document, const QString& title,
                           const QStringList& headers, QWidget* parent)
    : InspectorSection(title, parent), document_(document), title_(title),
      table_(new QTableWidget(0, int(headers.size()), this)),
      addButton_(smallButton("+", tr("Add"), this)),
      removeButton_(smallButton("−", tr("Remove the selected row"), this)),
      buttons_(new QHBoxLayout), problem_(new QLabel(this)) {
    table_->setHorizontalHeaderLabels(headers);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    // No column wider than about 24 characters: a long expression is elided
    // (its tooltip holds it whole) instead of pushing later columns out of view.
    table_->horizontalHeader()->setMaximumSectionSize(24 * fontMetrics().averageCharWidth());
    table_->setWordWrap(false); // one line per row, as fitHeight() counts them
    connect(table_->horizontalScrollBar(), &QScrollBar::rangeChanged, this,
            [this] { fitHeight(); });
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    problem_->setObjectName("problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    problem_->hide();
    buttons_->setSpacing(0);
    buttons_->addWidget(addButton_);
    buttons_->addWidget(removeButton_);
    buttons_->addStretch();
    contentLayout()->addWidget(table_);
    contentLayout()->addLayout(buttons_);
    contentLayout()->addWidget(problem_);
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (refreshing_)
            return;
        if (isCheckColumn(item->column()))
            commitCell(item->row(), item->column(),
                       item->checkState() == Qt::Checked ? "true" : "false");
        else
            commitCell(item->row(), item->column(), item->text());
    });
    connect(removeButton_, &QToolButton::clicked, this, [this] {
        if (table_->currentRow() >= 0)
            removeRow(table_->currentRow());
    });
    fitHeight();
}

void TableSection::showObject(const ObjectRef& object) {
    object_ = object;
    setVisible(appliesTo(object));
    refresh();
}

void TableSection::refresh() {
    if (!appliesTo(object_))
        return;
    const QList<QStringList> entries = rows();
    refreshing_ = true;
    table_->setRowCount(int(entries.size()));
    for (int row = 0; row < table_->rowCount(); ++row)
        for (int column = 0; column < table_->columnCount(); ++column)
            setCellText(row, column, entries[row].value(column));
    refreshing_ = false;
    clearProblem();
    fitHeight();
    updateTitle();
}

void TableSection::setCellText(int row, int column, const QString& text) {
    QTableWidgetItem* item = table_->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table_->setItem(row, column, item);
    }
    item->setBackground({});
    const Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (isCheckColumn(column)) {
        item->setFlags(isEditable(row, column) ? flags | Qt::ItemIsUserCheckable : flags);
        item->setCheckState(text == "true" ? Qt::Checked : Qt::Unchecked);
        return;
    }
    item->setText(text);
    item->setToolTip(text);
    item->setFlags(isEditable(row, column) ? flags | Qt::ItemIsEditable : flags);
}

void TableSection::applyProblems(const QList<Diagnostic>& problems) {
    clearProblem();
    for (const Diagnostic& problem : problems)
        if (shows(problem)) {
            const Cell cell = *problemCell(problem);
            markCell(cell.row, cell.column, problem.problem);
        }
}

bool TableSection::shows(const Diagnostic& problem) const {
    if (!appliesTo(object_))
        return false;
    const std::optional<Cell> cell = problemCell(problem);
    return cell && cell->row < table_->rowCount();
}

QString TableSection::problemText() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

void TableSection::setHeading(const QString& title) {
    title_ = title;
    updateTitle();
}

bool TableSection::isEditable(int, int) const {
    return true;
}

bool TableSection::isCheckColumn(int) const {
    return false;
}

const Model& TableSection::model() const {
    return document_->model();
}

void TableSection::pushEdit(const QString& text, const std::function<void(Model&)>& edit) {
    document_->undoStack()->push(new EditModelCommand(document_, text, edit));
}

void TableSection::showLocalProblem(int row, int column, const QString& message) {
    clearProblem();
    markCell(row, column, message);
}

QToolButton* TableSection::addToolButton(const QString& text, const QString& tip) {
    auto* button = smallButton(text, tip, this);
    buttons_->insertWidget(buttons_->count() - 1, button); // before the stretch
    return button;
}

QToolButton* TableSection::addSecondRowButton(const QString& text, const QString& tip) {
    if (!secondRow_) {
        secondRow_ = new QHBoxLayout;
        secondRow_->setSpacing(0);
        secondRow_->addStretch();
        contentLayout()->insertLayout(contentLayout()->indexOf(buttons_) + 1, secondRow_);
    }
    auto* button = smallButton(text, tip, this);
    secondRow_->insertWidget(secondRow_->count() - 1, button);
    return button;
}

void TableSection::markCell(int row, int column, const QString& message) {
    refreshing_ = true;
    if (QTableWidgetItem* item = table_->item(row, column))
        item->setBackground(kProblemBackground);
    refreshing_ = false;
    const QString entry = table_->item(row, 0) ? table_->item(row, 0)->text() : QString();
    const QString line = entry.isEmpty() ? message : tr("%1: %2").arg(entry, message);
    // Several problems in one table: one line each, in the order found.
    problem_->setText(problem_->isHidden() ? line : problem_->text() + "\n" + line);
    problem_->show();
    setExpanded(true);
}

void TableSection::clearProblem() {
    refreshing_ = true;
    for (int row = 0; row < table_->rowCount(); ++row)
        for (int column = 0; column < table_->columnCount(); ++column)
            if (QTableWidgetItem* item = table_->item(row, column))
                item->setBackground({});
    refreshing_ = false;
    problem_->clear();
    problem_->hide();
}

// The inspector scrolls as a whole; a table with its own scroll bar inside it
// would hide rows, so the table is always as tall as its rows.
void TableSection::fitHeight() {
    const int rowsHeight = table_->verticalHeader()->defaultSectionSize() * table_->rowCount();
    // Columns wider than the table bring a horizontal scroll bar, which
    // would otherwise take its height from the last row.
    const bool scrolls = table_->horizontalScrollBar()->maximum() > 0;
    const int scrollBar = scrolls ? table_->horizontalScrollBar()->sizeHint().height() : 0;
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + rowsHeight +
                           scrollBar + 2 * table_->frameWidth() + 4);
    table_->setVisible(table_->rowCount() > 0); // an empty list is just its + button
}

void TableSection::updateTitle() {
    setTitle(table_->rowCount() > 0 ? QStringLiteral("%1 (%2)").arg(title_).arg(table_->rowCount())
                                    : title_);
}

} // namespace spikestudio
