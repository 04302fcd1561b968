#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A Synapses object's connect() calls, applied in order (Brian2's successive
/// `S.connect(...)`): one row per call with its form (rule, arrays or
/// generator), condition, p, n, i, j and skip_if_invalid. The first call is
/// also the one the Connect field edits; a Synapses object keeps at least one.
class ConnectCallsSection : public TableSection {
    Q_OBJECT

public:
    explicit ConnectCallsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    std::vector<ConnectSpec> calls() const;
    void addCall();
    void editCalls(const QString& text, const std::function<void(std::vector<ConnectSpec>&)>& edit);
    bool commitIndices(int row, int column, const QString& text);
};

} // namespace spikestudio
