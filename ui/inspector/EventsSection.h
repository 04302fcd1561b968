#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A NeuronGroup's custom events (Brian2's events= and run_on_event): name,
/// condition and code, one row each.
class EventsSection : public TableSection {
    Q_OBJECT

public:
    explicit EventsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    const std::vector<spikestudio::EventSpec>* events() const;
    void addEvent();
    void editEvent(int row, const QString& text,
                   const std::function<void(spikestudio::EventSpec&)>& edit);
};

} // namespace spikestudio
