#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

class ArrayValuesEditor;

/// What one segment of the protocol changes before it runs, in order:
/// values (Brian2's `G.I = 0*nA`, `S.w['i > j'] = 0` between two `run()`
/// calls: the group or Synapses object, the variable, the elements as in
/// `G.v[...]` and the value, an expression or numbers edited in an
/// ArrayValuesEditor below, as in the Initial values table), a constant's
/// new value (`tau = 5*ms`: "constant", its name, its value) and switches
/// (`M.active = False`: the object, "active", on or off) and seed entries
/// (`seed(13579)`: "seed", the seed or "fresh") and a SpikeGeneratorGroup's
/// new spikes (`SG.set_spikes(...)`: the group, "spikes", the arguments as
/// set_spikes takes them, see SpikeListText) and a TimedArray's new values
/// (`stimulus = TimedArray(...)`: its name, "values", its numbers edited
/// below in the ArrayValuesEditor, on its grid) and the default clock's new
/// step (`defaultclock.dt = 0.05*ms`: "clock", "dt", the time). Each
/// edit is one undo step; the checker's messages mark their cell.
class ProtocolChangesTable : public TableSection {
    Q_OBJECT

public:
    explicit ProtocolChangesTable(ModelDocument* document, QWidget* parent = nullptr);

    /// Shows the values segment `index` sets (-1: none).
    void setSegment(int index);
    int segment() const { return segment_; }
    void refresh() override;

    ArrayValuesEditor* arrayEditor() const { return arrayEditor_; }
    QToolButton* numbersButton() const { return numbers_; }
    QToolButton* addConstantButton() const { return addConstant_; }
    QToolButton* addSwitchButton() const { return addSwitch_; }
    QToolButton* addSeedButton() const { return addSeed_; }
    QToolButton* addSpikesButton() const { return addSpikes_; }
    QToolButton* addTimedArrayButton() const { return addTimedArray_; }
    QToolButton* addDtButton() const { return addDt_; }

    enum Column { ObjectColumn, VariableColumn, ElementsColumn, ValueColumn };

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    std::vector<ProtocolChange> changes() const;
    QStringList objectNames(int row) const;
    void editChanges(const QString& text,
                     const std::function<void(std::vector<ProtocolChange>&)>& edit, int selectRow);
    void addChange();
    void addConstantChange();
    void addActiveSwitch();
    void addSeedEntry();
    void addSpikes();
    void addTimedArray();
    void addDtChange();
    std::string dtBefore(int segment) const;
    void showTimedArray(const TimedArraySpec& array);
    const GroupSpec* firstSpikeGenerator() const;
    void appendChange(const ProtocolChange& change, const QString& text);
    void commitOtherCell(int row, int column, const QString& text, ProtocolChange changed);
    ProtocolChange newChange() const;
    void moveSelected(int by);
    void toggleNumbers();
    std::string unitOf(const ProtocolChange& change) const;
    void showArrayOfCurrentRow();
    void storeValues(const std::vector<double>& values);
    void storeUnit(const QString& unit);

    int segment_ = -1;
    QToolButton* moveUp_;
    QToolButton* moveDown_;
    QToolButton* numbers_;
    QToolButton* addConstant_;
    QToolButton* addSwitch_;
    QToolButton* addSpikes_;
    QToolButton* addTimedArray_;
    QToolButton* addSeed_;
    QToolButton* addDt_;
    ArrayValuesEditor* arrayEditor_;
};

} // namespace spikestudio
