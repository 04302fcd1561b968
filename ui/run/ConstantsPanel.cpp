#include "run/ConstantsPanel.h"

#include "diagnostics/FailureMessage.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/Parser.h"
#include "run/ModelConstants.h"
#include "run/RunController.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace spikestudio {

ConstantsPanel::ConstantsPanel(RunController& controller, QWidget* parent)
    : QWidget(parent), controller_(controller), form_(new QFormLayout), problem_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* title = new QLabel(tr("<b>Live constants</b>"), this);
    title->setToolTip(tr("Type a new value and press Enter: a running simulation uses it from "
                         "its next step"));
    auto* hint = new QLabel(tr("Enter applies a value during a run"), this);
    hint->setWordWrap(true);
    hint->setStyleSheet("color: palette(mid)");
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addLayout(form_);
    problem_->setObjectName("constantProblem");
    problem_->setStyleSheet("color: #b00020");
    problem_->setWordWrap(true);
    layout->addWidget(problem_);
    layout->addStretch(1);
}

void ConstantsPanel::setModel(const Model& model) {
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    rows_.clear();
    problem_->clear();
    for (const ModelConstant& constant : evaluableConstants(model)) {
        const QString text = QString::fromStdString(constant.text);
        auto* field = new QLineEdit(text, this);
        field->setObjectName("constant:" + QString::fromStdString(constant.name));
        field->setCursorPosition(0); // long values show their start, the number
        field->setToolTip(QString::fromStdString(constant.name + " = " + constant.text));
        rows_.push_back({constant.name, constant.dim, field});
        form_->addRow(QString::fromStdString(constant.name), field);
    }
    for (const Row& row : rows_)
        connect(row.field, &QLineEdit::returnPressed, this, [this, name = row.name] {
            for (const Row& candidate : rows_)
                if (candidate.name == name)
                    apply(candidate);
        });
}

void ConstantsPanel::apply(const Row& row) {
    try {
        // A quantity in units: the live value cannot refer to other constants.
        const Quantity value =
            evaluateQuantity(parseExpression(row.field->text().toStdString()), Scope());
        if (value.dim != row.dim)
            throw std::runtime_error("needs the unit " + displayUnit(row.dim) + ", not " +
                                     displayUnit(value.dim));
        if (!controller_.setConstant(row.name, value.value))
            throw std::runtime_error("is not a constant of the running model");
        problem_->clear();
        row.field->setStyleSheet({});
    } catch (const std::exception& error) {
        problem_->setText(QString::fromStdString("'" + row.name + "' " +
                                                 failureMessage(error, "setting the constant")));
        row.field->setStyleSheet("border: 1px solid #b00020");
    }
}

} // namespace spikestudio
