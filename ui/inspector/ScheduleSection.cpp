#include "inspector/ScheduleSection.h"

#include "commands/EditModelCommand.h"
#include "document/ModelDocument.h"
#include "document/ModelLookup.h"
#include "document/ScheduleFields.h"
#include "model/ObjectKinds.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace spikestudio {

namespace {

// The spin box's lowest value means "no order given": the kind's default.
constexpr int kDefaultOrder = std::numeric_limits<int>::min();

bool isScheduleField(const QString& field) {
    return field == "when" || field == "order" || field == "active";
}

} // namespace

ScheduleSection::ScheduleSection(ModelDocument* document, QWidget* parent)
    : InspectorSection(tr("Schedule"), parent), document_(document),
      active_(new QCheckBox(tr("Active (runs)"), this)), whenLabel_(new QLabel(tr("When"), this)),
      when_(new QComboBox(this)), orderLabel_(new QLabel(tr("Order"), this)),
      order_(new QSpinBox(this)), problem_(new QLabel(this)) {
    setObjectName("section:schedule");
    active_->setObjectName("schedule.active");
    active_->setToolTip(tr("Brian2's active: an inactive object does not run; its variables "
                           "keep their values"));
    when_->setObjectName("schedule.when");
    when_->setToolTip(tr("Brian2's when: the slot of each time step it runs in"));
    order_->setObjectName("schedule.order");
    order_->setRange(kDefaultOrder, std::numeric_limits<int>::max());
    order_->setKeyboardTracking(false); // one undo step per value entered, not per digit
    order_->setToolTip(tr("Brian2's order: within its slot, objects run by increasing order, "
                          "then by name"));
    problem_->setObjectName("problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    problem_->hide();
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->addWidget(active_, 0, 0, 1, 2);
    grid->addWidget(whenLabel_, 1, 0);
    grid->addWidget(when_, 1, 1);
    grid->addWidget(orderLabel_, 2, 0);
    grid->addWidget(order_, 2, 1);
    contentLayout()->addLayout(grid);
    contentLayout()->addWidget(problem_);
    connect(active_, &QCheckBox::toggled, this, &ScheduleSection::commit);
    connect(when_, &QComboBox::activated, this, &ScheduleSection::commit);
    connect(order_, &QSpinBox::valueChanged, this, &ScheduleSection::commit);
}

void ScheduleSection::showObject(const ObjectRef& object) {
    object_ = object;
    setVisible(ScheduleFields::of(document_->model(), object_).has_value());
    refresh();
}

const ObjectKind* ScheduleSection::kind() const {
    if (object_.kind == ObjectRef::Kind::Synapses)
        return &ObjectKinds::synapses();
    if (const GroupSpec* group = ModelLookup::group(document_->model(), object_.name))
        return &ObjectKinds::of(group->type);
    return nullptr;
}

void ScheduleSection::refresh() {
    const std::optional<ScheduleFields::Values> values =
        ScheduleFields::of(document_->model(), object_);
    const ObjectKind* objectKind = kind();
    if (!values || !objectKind)
        return;
    refreshing_ = true;
    active_->setChecked(values->active);
    const FieldDescriptor* whenField = objectKind->field("when");
    whenLabel_->setVisible(whenField);
    when_->setVisible(whenField);
    when_->clear();
    when_->addItem(whenField ? tr("default (%1)").arg(QString::fromStdString(whenField->emptyMeans))
                             : tr("default"),
                   QString());
    for (const QString& slot : ScheduleFields::slotNames())
        when_->addItem(slot, slot);
    const QString when = QString::fromStdString(values->when);
    if (when_->findData(when) < 0)
        when_->addItem(when, when); // an unknown slot stays visible; the checker reports it
    when_->setCurrentIndex(when_->findData(when));
    const FieldDescriptor* orderField = objectKind->field("order");
    orderLabel_->setVisible(orderField);
    order_->setVisible(orderField);
    order_->setSpecialValueText(
        orderField ? tr("default (%1)").arg(QString::fromStdString(orderField->emptyMeans))
                   : tr("default"));
    order_->setValue(values->order ? int(std::clamp<long long>(*values->order, kDefaultOrder + 1LL,
                                                               std::numeric_limits<int>::max()))
                                   : kDefaultOrder);
    refreshing_ = false;
}

void ScheduleSection::commit() {
    std::optional<ScheduleFields::Values> values = ScheduleFields::of(document_->model(), object_);
    if (refreshing_ || !values)
        return;
    ScheduleFields::Values changed{.when = when_->currentData().toString().toStdString(),
                                   .order = order_->value() == kDefaultOrder
                                                ? std::nullopt
                                                : std::optional<long long>(order_->value()),
                                   .active = active_->isChecked()};
    if (changed.when == values->when && changed.order == values->order &&
        changed.active == values->active)
        return;
    const QString what = changed.active != values->active
                             ? (changed.active ? tr("Activate %1") : tr("Deactivate %1"))
                         : changed.when != values->when ? tr("When of %1")
                                                        : tr("Order of %1");
    const ObjectRef target = object_;
    document_->undoStack()->push(
        new EditModelCommand(document_, what.arg(object_.name), [target, changed](Model& model) {
            ScheduleFields::set(model, target, changed);
        }));
}

void ScheduleSection::applyProblems(const QList<Diagnostic>& problems) {
    QStringList lines;
    for (const Diagnostic& problem : problems)
        if (shows(problem))
            lines << tr("%1: %2").arg(problem.field, problem.problem);
    problem_->setText(lines.join("\n"));
    problem_->setVisible(!lines.isEmpty());
}

bool ScheduleSection::shows(const Diagnostic& problem) const {
    return problem.object == object_.name && isScheduleField(problem.field) &&
           ScheduleFields::of(document_->model(), object_);
}

QString ScheduleSection::problemText() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

} // namespace spikestudio
