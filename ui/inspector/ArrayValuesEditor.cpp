#include "inspector/ArrayValuesEditor.h"

#include "document/NumberColumn.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

constexpr int kVisibleRows = 12; // taller arrays scroll inside the editor

QToolButton* textButton(const QString& text, const QString& tip, const QString& name,
                        QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setObjectName(name);
    return button;
}

} // namespace

ArrayValuesEditor::ArrayValuesEditor(QWidget* parent)
    : QWidget(parent), caption_(new QLabel(this)), unit_(new QLineEdit(this)),
      table_(new QTableWidget(0, 1, this)), problem_(new QLabel(this)) {
    setObjectName("array");
    caption_->setStyleSheet(QStringLiteral("color: #6b727c;"));
    unit_->setObjectName("array.unit");
    unit_->setPlaceholderText(tr("dimensionless"));
    unit_->setToolTip(tr("The unit of the numbers, e.g. mV (must be the variable's)"));
    table_->setObjectName("array.values");
    table_->setHorizontalHeaderLabels({tr("Value")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    table_->installEventFilter(this);
    problem_->setObjectName("array.problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    problem_->hide();

    auto* paste = textButton(tr("Paste"),
                             tr("Paste a column of numbers from a spreadsheet here "
                                "(from the selected row on; Ctrl+V)"),
                             "array.paste", this);
    auto* copy =
        textButton(tr("Copy"), tr("Copy all the numbers, one a line (Ctrl+C)"), "array.copy", this);
    connect(paste, &QToolButton::clicked, this,
            [this] { pasteText(QApplication::clipboard()->text()); });
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(copyText()); });
    connect(unit_, &QLineEdit::editingFinished, this,
            [this] { emit unitEdited(unit_->text().trimmed()); });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!refreshing_)
            commitCell(item->row(), item->text());
    });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Unit"), this));
    top->addWidget(unit_, 1);
    top->addWidget(paste);
    top->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(caption_);
    layout->addLayout(top);
    layout->addWidget(table_);
    layout->addWidget(problem_);
}

void ArrayValuesEditor::showValues(const QString& caption, const std::vector<double>& values,
                                   const QString& unit) {
    caption_->setText(caption);
    if (!unit_->hasFocus())
        unit_->setText(unit);
    values_ = values;
    refreshing_ = true;
    const int current = table_->currentRow();
    table_->setRowCount(int(values.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        QTableWidgetItem* item = table_->item(row, 0);
        if (!item) {
            item = new QTableWidgetItem;
            table_->setItem(row, 0, item);
        }
        item->setText(NumberColumn::number(values[size_t(row)]));
    }
    if (current >= 0 && current < table_->rowCount())
        table_->setCurrentCell(current, 0);
    refreshing_ = false;
    problem_->hide();
    fitHeight();
    QWidget::show();
}

void ArrayValuesEditor::pasteText(const QString& text) {
    QString problem;
    const auto pasted = NumberColumn::parse(text, &problem);
    if (!pasted) {
        showProblem(tr("Nothing pasted: %1").arg(problem));
        return;
    }
    const size_t at = size_t(std::max(table_->currentRow(), 0));
    std::vector<double> values = values_;
    values.resize(std::max(values.size(), at + pasted->size()));
    std::copy(pasted->begin(), pasted->end(), values.begin() + qsizetype(at));
    emit valuesEdited(values);
}

QString ArrayValuesEditor::copyText() const {
    return NumberColumn::format(values_);
}

QString ArrayValuesEditor::problemText() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

void ArrayValuesEditor::commitCell(int row, const QString& text) {
    QString problem;
    const auto parsed = NumberColumn::parse(text, &problem);
    if (!parsed || parsed->size() != 1) {
        refreshing_ = true; // the cell shows the number kept
        table_->item(row, 0)->setText(NumberColumn::number(values_[size_t(row)]));
        refreshing_ = false;
        showProblem(tr("Row %1: '%2' is not a number; the value stays %3")
                        .arg(row + 1)
                        .arg(text, NumberColumn::number(values_[size_t(row)])));
        return;
    }
    std::vector<double> values = values_;
    values[size_t(row)] = parsed->front();
    emit valuesEdited(values);
}

bool ArrayValuesEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Paste)) {
            pasteText(QApplication::clipboard()->text());
            return true;
        }
        if (key->matches(QKeySequence::Copy)) {
            QApplication::clipboard()->setText(copyText());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ArrayValuesEditor::showProblem(const QString& message) {
    problem_->setText(message);
    problem_->show();
}

void ArrayValuesEditor::fitHeight() {
    const int rows = std::min(table_->rowCount(), kVisibleRows);
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                           table_->verticalHeader()->defaultSectionSize() * std::max(rows, 1) +
                           2 * table_->frameWidth() + 4);
}

} // namespace spikestudio
