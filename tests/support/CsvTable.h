#pragma once

#include <QFile>
#include <QString>
#include <QStringList>
#include <QVector>

/// A CSV file of numbers with a header row, as the CSV contract defines it.
struct CsvTable {
    QStringList header;
    QVector<QVector<double>> rows;

    static CsvTable parse(const QString& text) {
        CsvTable table;
        const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
        if (lines.isEmpty())
            return table;
        table.header = lines.first().trimmed().split(',');
        for (int k = 1; k < lines.size(); ++k) {
            QVector<double> row;
            for (const QString& cell : lines[k].trimmed().split(','))
                row.append(cell.toDouble());
            table.rows.append(row);
        }
        return table;
    }

    static CsvTable read(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return parse(QString::fromUtf8(file.readAll()));
    }

    double columnRange(int column) const {
        double low = 0, high = 0;
        for (int r = 0; r < rows.size(); ++r) {
            const double v = rows[r][column];
            if (r == 0 || v < low)
                low = v;
            if (r == 0 || v > high)
                high = v;
        }
        return high - low;
    }
};
