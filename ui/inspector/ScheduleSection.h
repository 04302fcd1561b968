#pragma once

#include "inspector/InspectorSection.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace spikestudio {

class ModelDocument;
struct ObjectKind;

/// Where a group or Synapses object runs in each time step (Brian2's
/// `active`, `when` and `order`): a check box for `active`, a drop-down of
/// the schedule's slots for `when` (only on kinds that take it) and a spin
/// box for `order`, whose lowest value stands for the kind's default. Each
/// change is one undo step; the checker's messages about these fields show
/// under them.
class ScheduleSection : public InspectorSection {
    Q_OBJECT

public:
    explicit ScheduleSection(ModelDocument* document, QWidget* parent = nullptr);

    void showObject(const ObjectRef& object) override;
    void refresh() override;
    void applyProblems(const QList<Diagnostic>& problems) override;
    bool shows(const Diagnostic& problem) const override;

    QCheckBox* activeBox() const { return active_; }
    QComboBox* whenChooser() const { return when_; }
    QSpinBox* orderBox() const { return order_; }
    QString problemText() const;

private:
    const ObjectKind* kind() const;
    void commit();

    ModelDocument* document_;
    ObjectRef object_;
    QCheckBox* active_;
    QLabel* whenLabel_;
    QComboBox* when_;
    QLabel* orderLabel_;
    QSpinBox* order_;
    QLabel* problem_;
    bool refreshing_ = false;
};

} // namespace spikestudio
