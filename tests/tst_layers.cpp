// The folders form a strict layering: every `#include` under core/, codegen/,
// engine/, bridge/, formats/, ui/ and app/ names a file of its own folder or of a lower level,
// never one beside it or above it; core, codegen, the engine, the bridge and the formats
// never include Qt. The table below is the rule; docs/architecture.md ("Layers") shows the
// same table, and a test keeps the two alike.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>
#include <optional>

namespace {

struct Layer {
    const char* folder; // relative to the repository
    int level;          // may include its own folder and every lower level
};

// Folders of one level are independent of each other (model and runtime
// never see each other's types; storage and csv both read run results).
// clang-format off
const Layer kLayers[] = {
    {"core/diagnostics", 0},
    {"core/files", 1}, {"core/memory", 1}, {"core/timing", 1},
    {"core/units", 2},
    {"core/expr", 3},
    {"core/equations", 4},
    {"core/model", 5}, {"core/runtime", 5},
    {"core/storage", 6}, {"core/csv", 6}, {"core/sweep", 6}, {"core/analysis", 6},
    {"codegen", 7}, {"core/sweepresults", 7},
    {"engine", 8},
    {"bridge", 9},
    {"formats", 10},
    {"ui", 11},
    {"app", 12},
};
// clang-format on

// Levels up to this one are free of Qt (the CLI, the engine and a future run
// session use them without a GUI).
constexpr int kHighestLevelWithoutQt = 10;

const char* const kScannedFolders[] = {"core",    "codegen", "engine", "bridge",
                                       "formats", "ui",      "app"};

// Where a quoted include is looked up after the including file's own folder:
// the include directories the targets declare (core/ and ui/ for their own
// folders, the repository for "codegen/..." and "engine/...").
const char* const kIncludeRoots[] = {"core", "ui", "."};

std::optional<Layer> layerOf(const QString& relativePath) {
    std::optional<Layer> found;
    for (const Layer& layer : kLayers) {
        const QString folder = QString::fromLatin1(layer.folder) + '/';
        if (relativePath.startsWith(folder) &&
            (!found || qstrlen(layer.folder) > qstrlen(found->folder)))
            found = layer;
    }
    return found;
}

/// Checks every source file under `root`; returns one line per problem.
class LayerCheck {
public:
    explicit LayerCheck(const QString& root) : root_(root) {}

    QStringList problems() {
        for (const char* folder : kScannedFolders) {
            QDirIterator files(root_.filePath(folder), {"*.h", "*.cpp", "*.c", "*.in"}, QDir::Files,
                               QDirIterator::Subdirectories);
            while (files.hasNext())
                checkFile(root_.relativeFilePath(files.next()));
        }
        return problems_;
    }

private:
    void checkFile(const QString& file) {
        const std::optional<Layer> from = layerOf(file);
        if (!from) {
            problems_ << file + ": its folder is not in the layer table";
            return;
        }
        QFile source(root_.filePath(file));
        if (!source.open(QIODevice::ReadOnly)) {
            problems_ << file + ": cannot be read";
            return;
        }
        static const QRegularExpression include(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
        QTextStream lines(&source);
        for (int number = 1; !lines.atEnd(); ++number) {
            const QRegularExpressionMatch match = include.match(lines.readLine());
            if (match.hasMatch())
                checkInclude(file, number, *from, match.captured(1) == "\"", match.captured(2));
        }
    }

    void checkInclude(const QString& file, int line, const Layer& from, bool quoted,
                      const QString& target) {
        const QString where = QString("%1:%2: #include %3%4%5")
                                  .arg(file)
                                  .arg(line)
                                  .arg(quoted ? '"' : '<')
                                  .arg(target)
                                  .arg(quoted ? '"' : '>');
        if (!quoted && from.level <= kHighestLevelWithoutQt && target.startsWith('Q')) {
            problems_ << where + ": " + from.folder + " never includes Qt";
            return;
        }
        const QStringList candidates = resolve(file, quoted, target);
        if (candidates.isEmpty()) {
            if (quoted)
                problems_ << where + ": names no file of the repository";
            return; // a system header
        }
        if (candidates.size() > 1) {
            problems_ << where + ": ambiguous (" + candidates.join(", ") + ")";
            return;
        }
        const std::optional<Layer> to = layerOf(candidates.first());
        if (!to) {
            problems_ << where + ": " + candidates.first() + " is outside every layer";
            return;
        }
        if (QString(to->folder) == from.folder)
            return;
        if (to->level >= from.level)
            problems_ << where + ": " + from.folder + " (level " + QString::number(from.level) +
                             ") may not include " + to->folder + " (level " +
                             QString::number(to->level) + ")";
    }

    /// The repository files an include can mean: the including file's folder
    /// first (for quoted includes), else every include root that holds it.
    QStringList resolve(const QString& file, bool quoted, const QString& target) const {
        if (quoted) {
            const QString besides = QDir::cleanPath(QFileInfo(file).path() + '/' + target);
            if (inRepository(besides))
                return {besides};
        }
        QStringList found;
        for (const char* includeRoot : kIncludeRoots) {
            const QString path = QDir::cleanPath(QString(includeRoot) + '/' + target);
            if (inRepository(path) && !found.contains(path))
                found << path;
        }
        return found;
    }

    bool inRepository(const QString& path) const {
        return !path.startsWith("../") && QFileInfo(root_.filePath(path)).isFile();
    }

    QDir root_;
    QStringList problems_;
};

/// The rows of the "Layers" table in docs/architecture.md as "level folder".
QStringList documentedLayers(const QString& markdown) {
    QStringList layers;
    static const QRegularExpression row(R"(^\|\s*(\d+)\s*\|\s*`([a-z/]+?)/?`\s*\|)",
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(markdown); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        layers << match.captured(1) + ' ' + match.captured(2);
    }
    layers.sort();
    return layers;
}

void writeFile(const QString& path, const QByteArray& content) {
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void everyIncludeFollowsTheLayering() {
        const QStringList problems = LayerCheck(SPIKESTUDIO_SOURCE_DIR).problems();
        QVERIFY2(problems.isEmpty(), qPrintable("\n" + problems.join("\n")));
    }

    // The checker itself, on a small tree: each kind of breach is found and
    // named with its file, line and include.
    void forbiddenIncludesAreReported_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("runtime reads the checker's types")
            << "core/runtime/Network.h" << QByteArray("#include \"model/Model.h\"\n")
            << "core/runtime/Network.h:1: #include \"model/Model.h\": core/runtime (level 5) "
               "may not include core/model (level 5)";
        QTest::newRow("a lower folder includes a higher one")
            << "core/units/Dimension.cpp"
            << QByteArray("#include \"units/Dimension.h\"\n\n#include \"expr/Expr.h\"\n")
            << "core/units/Dimension.cpp:3: #include \"expr/Expr.h\": core/units (level 2) may "
               "not include core/expr (level 3)";
        QTest::newRow("a relative path around the rule")
            << "core/expr/Expr.cpp" << QByteArray("#include \"../model/Model.h\"\n")
            << "core/expr/Expr.cpp:1: #include \"../model/Model.h\": core/expr (level 3) may "
               "not include core/model (level 5)";
        QTest::newRow("angle brackets around the rule")
            << "codegen/KernelWriter.cpp" << QByteArray("#include <engine/NetworkBuilder.h>\n")
            << "codegen/KernelWriter.cpp:1: #include <engine/NetworkBuilder.h>: codegen (level "
               "7) may not include engine (level 8)";
        QTest::newRow("the engine includes the desktop app")
            << "engine/LiveEdit.cpp" << QByteArray("#include \"MainWindow.h\"\n")
            << "engine/LiveEdit.cpp:1: #include \"MainWindow.h\": engine (level 8) may not "
               "include ui (level 11)";
        QTest::newRow("ui includes app")
            << "ui/MainWindow.cpp" << QByteArray("#include \"app/RunCommand.h\"\n")
            << "ui/MainWindow.cpp:1: #include \"app/RunCommand.h\": ui (level 11) may not "
               "include app (level 12)";
        QTest::newRow("core includes Qt")
            << "core/storage/Project.cpp" << QByteArray("#include <QString>\n")
            << "core/storage/Project.cpp:1: #include <QString>: core/storage never includes Qt";
        QTest::newRow("an include that names nothing")
            << "core/csv/CsvWriter.cpp" << QByteArray("#include \"csv/Missing.h\"\n")
            << "core/csv/CsvWriter.cpp:1: #include \"csv/Missing.h\": names no file of the "
               "repository";
        QTest::newRow("a folder outside the table")
            << "core/sweeps/Sweep.h" << QByteArray("#pragma once\n")
            << "core/sweeps/Sweep.h: its folder is not in the layer table";
    }

    void forbiddenIncludesAreReported() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        // What the includes above may lawfully name.
        for (const char* existing :
             {"core/model/Model.h", "core/units/Dimension.h", "core/expr/Expr.h",
              "engine/NetworkBuilder.h", "ui/MainWindow.h", "app/RunCommand.h"})
            writeFile(tree.filePath(existing), "#pragma once\n");
        writeFile(tree.filePath(file), content);
        QCOMPARE(LayerCheck(tree.path()).problems(), QStringList{problem});
    }

    // Includes the table allows pass: a lower level, the same folder, a system header.
    void allowedIncludesPass() {
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        writeFile(tree.filePath("core/units/Dimension.h"), "#pragma once\n");
        writeFile(tree.filePath("core/expr/Expr.h"), "#pragma once\n");
        writeFile(tree.filePath("core/expr/Scope.h"),
                  "#include \"expr/Expr.h\"\n#include \"units/Dimension.h\"\n#include <vector>\n");
        writeFile(tree.filePath("engine/NativeTier.h"), "#include \"Sibling.h\"\n");
        writeFile(tree.filePath("engine/Sibling.h"), "#include \"expr/Scope.h\"\n");
        writeFile(tree.filePath("ui/MainWindow.h"),
                  "#include <QMainWindow>\n#include \"engine/NativeTier.h\"\n");
        QCOMPARE(LayerCheck(tree.path()).problems(), QStringList());
    }

    void theDocumentationShowsTheSameTable() {
        QFile file(QString(SPIKESTUDIO_SOURCE_DIR) + "/docs/architecture.md");
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList declared;
        for (const Layer& layer : kLayers)
            declared << QString::number(layer.level) + ' ' + layer.folder;
        declared.sort();
        QCOMPARE(documentedLayers(QString::fromUtf8(file.readAll())), declared);
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
