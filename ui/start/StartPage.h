#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace spikestudio {

/// What the window shows while no model is open: how to start in two lines,
/// New model and Open, the recent files, the examples, and whether to reopen
/// the last file at the next start.
class StartPage : public QWidget {
    Q_OBJECT

public:
    explicit StartPage(QWidget* parent = nullptr);

    /// Lists these files, newest first (missing ones are shown as missing).
    void setRecentFiles(const QStringList& paths);
    struct Example {
        QString title;
        QString description;
        QString path;
    };
    /// Lists the examples: title, a line of description, and file.
    void setExamples(const QList<Example>& examples);

    QListWidget* recentList() const { return recent_; }
    QListWidget* examplesList() const { return examples_; }

signals:
    void newModelRequested();
    void openDialogRequested();
    void openRequested(const QString& path);

private:
    QWidget* buildHeading();
    QWidget* buildLists();
    void openItem(QListWidgetItem* item);

    QListWidget* recent_;
    QListWidget* examples_;
    QLabel* noRecent_;
    QCheckBox* reopenLast_;
};

} // namespace spikestudio
