package io.spotsdk.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two small texts (generated Java files of a few hundred lines), good enough for a reader:
 * longest common subsequence by dynamic programming, hunks with three lines of context.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private record Line(char op, String text, int oldNo, int newNo) {}

  static String of(String oldName, List<String> a, String newName, List<String> b) {
    List<Line> script = editScript(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      // one hunk goes on while the next change is close enough for the contexts to touch
      int lastChange = i;
      for (int j = i; j < script.size() && j - lastChange <= 2 * CONTEXT; j++) {
        if (script.get(j).op() != ' ') {
          lastChange = j;
        }
      }
      int end = Math.min(script.size() - 1, lastChange + CONTEXT);
      appendHunk(out, script.subList(start, end + 1));
      i = end + 1;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Line> hunk) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Line l : hunk) {
      if (l.op() != '+') {
        if (oldCount++ == 0) oldStart = l.oldNo();
      }
      if (l.op() != '-') {
        if (newCount++ == 0) newStart = l.newNo();
      }
    }
    out.append("@@ -").append(oldStart).append(',').append(oldCount)
        .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
    for (Line l : hunk) {
      out.append(l.op()).append(l.text()).append('\n');
    }
  }

  private static List<Line> editScript(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int x = n - 1; x >= 0; x--) {
      for (int y = m - 1; y >= 0; y--) {
        lcs[x][y] = a.get(x).equals(b.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
      }
    }
    List<Line> script = new ArrayList<>();
    int x = 0;
    int y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && a.get(x).equals(b.get(y))) {
        script.add(new Line(' ', a.get(x), x + 1, y + 1));
        x++;
        y++;
      } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
        script.add(new Line('-', a.get(x), x + 1, y + 1));
        x++;
      } else {
        script.add(new Line('+', b.get(y), x + 1, y + 1));
        y++;
      }
    }
    return script;
  }
}
