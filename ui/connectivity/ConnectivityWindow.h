#pragma once

#include "connectivity/ModelConnectivity.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;

namespace spikestudio {

/// A window on a model's Synapses objects without running it: the engine
/// creates the synapses on a worker thread (ModelConnectivity; the window
/// stays responsive for millions of synapses), then ConnectivityFigure draws
/// the one chosen, with the variable chosen for the histogram. Export… saves
/// the figure. Deletes itself when closed.
class ConnectivityWindow : public QWidget {
    Q_OBJECT

public:
    /// Starts building `model`'s synapses. `synapses` is shown first ("": the
    /// first); `seed` as ModelConnectivity::build; `origin` names where the
    /// model comes from in the title ("run 3").
    ConnectivityWindow(Model model, const QString& synapses, std::optional<std::uint32_t> seed,
                       const QString& origin, QWidget* parent);

    bool isBuilding() const;
    /// The synapses are built (or could not be) and shown.
    bool isBuilt() const { return built_; }
    /// What was built (empty while building).
    const ModelConnectivity& connectivity() const { return connectivity_; }
    QCustomPlot* plot() const { return plot_; }
    /// The Synapses object and variable shown.
    QString shownSynapses() const;
    QString shownVariable() const;
    void showSynapses(const QString& name);
    void showVariable(const QString& name);
    QString statusText() const;
    /// Saves the figure by the extension of `path`; an error message, or "".
    QString exportTo(const QString& path);

signals:
    /// The synapses are built (or could not be: see statusText()).
    void built();

private:
    void buildControls();
    void takeResult();
    void fillVariables();
    void redraw();

    QString wanted_;
    bool built_ = false;
    bool runSeed_ = false; // the seed given is a stored run's
    ModelConnectivity connectivity_;
    QFutureWatcher<ModelConnectivity> watcher_;
    QComboBox* synapses_ = nullptr;
    QComboBox* variables_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* export_ = nullptr;
    QCustomPlot* plot_ = nullptr;
};

} // namespace spikestudio
