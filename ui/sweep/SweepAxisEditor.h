#pragma once

#include "run/ModelConstants.h"
#include "sweep/SweepAxis.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace spikestudio {

/// One row of the Sweep dialog: a constant of the model and the values it
/// takes, a linear or logarithmic range (from, to, steps) or a list, with
/// units. It reads them as `spikestudio sweep --vary` does (parseSweepAxis)
/// and shows what that refuses under the row.
class SweepAxisEditor : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Linear, Logarithmic, List };

    SweepAxisEditor(const std::vector<ModelConstant>& constants, QWidget* parent = nullptr);

    /// Fills the row in (tests, and the dialog's first rows).
    void set(const QString& constant, Kind kind, const QString& from, const QString& to, int steps);
    void setList(const QString& constant, const QString& values);

    /// The row as a `--vary` text ("we=0.5*mV:2*mV:8").
    QString varyText() const;
    /// The axis the row describes; throws UserError, as `--vary` would.
    SweepAxis axis() const;
    /// Shows why the row is refused (empty: it is fine).
    void showProblem(const QString& problem);
    QString problem() const;

signals:
    void changed();
    void removeRequested();

private:
    void showKind();
    void takeConstantValue();

    QComboBox* constant_;
    QComboBox* kind_;
    QLineEdit* from_;
    QLineEdit* to_;
    QSpinBox* steps_;
    QLineEdit* list_;
    QLabel* toLabel_;
    QLabel* stepsLabel_;
    QToolButton* remove_;
    QLabel* problem_;
    std::vector<ModelConstant> constants_;
};

} // namespace spikestudio
