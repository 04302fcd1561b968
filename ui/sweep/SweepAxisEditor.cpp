#include "sweep/SweepAxisEditor.h"

#include "diagnostics/UserError.h"
#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "expr/Scope.h"
#include "plots/AxisUnit.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <cmath>

namespace spikestudio {

namespace {

/// `factor` times the constant's value as a quantity the user would type
/// ("0.81*mV"), or as an expression of its text when no unit name reads back.
QString scaledValueText(const ModelConstant& constant, double factor) {
    const double value = constant.value * factor;
    const AxisUnit unit = AxisUnit::forData(constant.dim, std::abs(value));
    const QString number = QString::number(value * unit.factor, 'g', 4);
    const QString text = unit.label.isEmpty() ? number : number + "*" + unit.label;
    try {
        const Quantity parsed = evaluateQuantity(parseExpression(text.toStdString()), Scope());
        if (parsed.dim == constant.dim)
            return text;
    } catch (const std::exception&) {
    }
    return QString("%1*(%2)").arg(factor).arg(QString::fromStdString(constant.text));
}

} // namespace

SweepAxisEditor::SweepAxisEditor(const std::vector<ModelConstant>& constants, QWidget* parent)
    : QWidget(parent), constant_(new QComboBox(this)), kind_(new QComboBox(this)),
      from_(new QLineEdit(this)), to_(new QLineEdit(this)), steps_(new QSpinBox(this)),
      list_(new QLineEdit(this)), toLabel_(new QLabel(tr("to"), this)),
      stepsLabel_(new QLabel(tr("steps"), this)), remove_(new QToolButton(this)),
      problem_(new QLabel(this)), constants_(constants) {
    for (const ModelConstant& constant : constants_)
        constant_->addItem(QString::fromStdString(constant.name));
    constant_->setObjectName("sweepConstant");
    constant_->setToolTip(tr("The constant to vary"));
    kind_->addItems({tr("Linear range"), tr("Log range"), tr("List")});
    kind_->setObjectName("sweepKind");
    from_->setObjectName("sweepFrom");
    from_->setPlaceholderText(tr("from, e.g. 0.5*mV"));
    to_->setObjectName("sweepTo");
    to_->setPlaceholderText(tr("to, e.g. 2*mV"));
    steps_->setObjectName("sweepSteps");
    steps_->setRange(1, int(kMaxAxisValues));
    steps_->setValue(3);
    steps_->setToolTip(tr("How many values, evenly spaced, both ends included"));
    list_->setObjectName("sweepList");
    list_->setPlaceholderText(tr("[10, 20, 40]*ms  or  [10*ms, 20*ms]"));
    remove_->setText(QStringLiteral("✕"));
    remove_->setObjectName("sweepRemove");
    remove_->setToolTip(tr("Do not vary this constant"));
    problem_->setObjectName("sweepAxisProblem");
    problem_->setStyleSheet("color: #b00020");
    problem_->setWordWrap(true);
    problem_->hide();

    auto* values = new QHBoxLayout;
    values->setContentsMargins(0, 0, 0, 0);
    values->addWidget(constant_);
    values->addWidget(kind_);
    values->addWidget(from_, 2);
    values->addWidget(toLabel_);
    values->addWidget(to_, 2);
    values->addWidget(steps_);
    values->addWidget(stepsLabel_);
    values->addWidget(list_, 4);
    values->addWidget(remove_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(values);
    layout->addWidget(problem_);

    connect(constant_, &QComboBox::currentIndexChanged, this, [this] {
        takeConstantValue();
        emit changed();
    });
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        showKind();
        emit changed();
    });
    for (QLineEdit* field : {from_, to_, list_})
        connect(field, &QLineEdit::textChanged, this, &SweepAxisEditor::changed);
    connect(steps_, &QSpinBox::valueChanged, this, &SweepAxisEditor::changed);
    connect(remove_, &QToolButton::clicked, this, &SweepAxisEditor::removeRequested);
    takeConstantValue();
    showKind();
}

void SweepAxisEditor::set(const QString& constant, Kind kind, const QString& from,
                          const QString& to, int steps) {
    constant_->setCurrentText(constant);
    kind_->setCurrentIndex(int(kind));
    from_->setText(from);
    to_->setText(to);
    steps_->setValue(steps);
}

void SweepAxisEditor::setList(const QString& constant, const QString& values) {
    constant_->setCurrentText(constant);
    kind_->setCurrentIndex(int(Kind::List));
    list_->setText(values);
}

QString SweepAxisEditor::varyText() const {
    const QString name = constant_->currentText();
    switch (Kind(kind_->currentIndex())) {
    case Kind::List:
        return name + "=" + list_->text().trimmed();
    case Kind::Logarithmic:
        return QString("%1=%2:%3:%4:log")
            .arg(name, from_->text().trimmed(), to_->text().trimmed())
            .arg(steps_->value());
    case Kind::Linear:
        break;
    }
    return QString("%1=%2:%3:%4")
        .arg(name, from_->text().trimmed(), to_->text().trimmed())
        .arg(steps_->value());
}

SweepAxis SweepAxisEditor::axis() const {
    if (constant_->currentText().isEmpty())
        throw UserError("the model has no constant to vary");
    const std::string text = varyText().toStdString();
    try {
        return parseSweepAxis(text);
    } catch (const UserError& error) {
        // The row names the constant; the command line's "--vary 'TEXT': " would repeat it.
        const std::string prefix = "--vary '" + text + "': ";
        const std::string message = error.what();
        if (message.rfind(prefix, 0) == 0)
            throw UserError(constant_->currentText().toStdString() + ": " +
                            message.substr(prefix.size()));
        throw;
    }
}

void SweepAxisEditor::showProblem(const QString& problem) {
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

QString SweepAxisEditor::problem() const {
    return problem_->text();
}

void SweepAxisEditor::showKind() {
    const bool list = Kind(kind_->currentIndex()) == Kind::List;
    for (QWidget* widget :
         std::initializer_list<QWidget*>{from_, toLabel_, to_, steps_, stepsLabel_})
        widget->setVisible(!list);
    list_->setVisible(list);
}

/// A new constant starts as a range from half to twice its value.
void SweepAxisEditor::takeConstantValue() {
    const int index = constant_->currentIndex();
    if (index < 0 || index >= int(constants_.size()))
        return;
    const ModelConstant& constant = constants_[std::size_t(index)];
    from_->setText(scaledValueText(constant, 0.5));
    to_->setText(scaledValueText(constant, 2.0));
    list_->setText(
        QString("[%1, %2]").arg(scaledValueText(constant, 0.5), scaledValueText(constant, 2.0)));
}

} // namespace spikestudio
