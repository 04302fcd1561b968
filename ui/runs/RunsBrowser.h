#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <string>

class QPushButton;
class QTableWidget;

namespace spikestudio {

/// The runs kept in the open project: when each started, its status, duration,
/// seed and spike count. Show a run's plots again, export it as CSV (the same
/// files `spikestudio export` writes) or delete it.
class RunsBrowser : public QWidget {
    Q_OBJECT

public:
    explicit RunsBrowser(QWidget* parent = nullptr);

    /// The project to list ("" for none: the list is empty).
    void setProjectPath(const std::string& path);
    /// Re-reads the project (after a run ended).
    void refresh();

    /// The id of the selected run, or 0.
    std::int64_t selectedRun() const;
    void selectRun(std::int64_t id);
    int runCount() const;

    // The buttons' actions, callable directly (tests, menus). Each returns an
    // error message, or an empty string.
    QString exportSelected(const QString& directory);
    QString deleteSelected();
    /// Opens a window with the selected run's raster, rate and traces.
    QWidget* showSelected();

private:
    void updateButtons();

    std::string projectPath_;
    QTableWidget* table_;
    QPushButton* plotButton_;
    QPushButton* exportButton_;
    QPushButton* deleteButton_;
};

} // namespace spikestudio
