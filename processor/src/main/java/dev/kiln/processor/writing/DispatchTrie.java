package dev.kiln.processor.writing;

import dev.kiln.processor.model.MatchSegment;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes with parameters as a segment trie, children ordered by specificity: the shape the
 * generated matcher unrolls into one method per node.
 */
final class DispatchTrie {

  /** A node: the segment that leads to it, its children, and the routes that end here. */
  static final class Node {
    final MatchSegment segment;
    final List<String> path;
    final int paramsBefore;
    final Map<MatchSegment, Node> children = new LinkedHashMap<>();
    final List<TableRoute> routes = new ArrayList<>();
    String methodName;

    Node(MatchSegment segment, List<String> path, int paramsBefore) {
      this.segment = segment;
      this.path = path;
      this.paramsBefore = paramsBefore;
    }

    /** The number of parameters captured up to and including this node. */
    int paramsThrough() {
      return paramsBefore + (segment != null && segment.isParam() ? 1 : 0);
    }

    /** Children in matching order: literals, then constrained, then plain, then tails. */
    List<Node> orderedChildren() {
      List<Node> ordered = new ArrayList<>(children.values());
      ordered.sort(Comparator.comparing((Node n) -> n.segment.level())
          .thenComparing(n -> n.segment.describe()));
      return ordered;
    }

    List<Node> childrenAt(MatchSegment.Level level) {
      return orderedChildren().stream().filter(n -> n.segment.level() == level).toList();
    }
  }

  final Node root = new Node(null, List.of(), 0);

  DispatchTrie(List<TableRoute> dynamicRoutes) {
    for (TableRoute route : dynamicRoutes) {
      Node node = root;
      for (int i = 0; i < route.segments().size(); i++) {
        MatchSegment segment = route.segments().get(i);
        Node parent = node;
        String label = segment.isParam()
            ? "{" + route.template().params().get(parent.paramsThrough()).name() + "}"
            : ((Segment.Literal) route.template().segments().get(i)).text();
        node = parent.children.computeIfAbsent(segment, s -> {
          List<String> path = new ArrayList<>(parent.path);
          path.add(label);
          return new Node(s, path, parent.paramsThrough());
        });
      }
      node.routes.add(route);
    }
  }

  /** Every node, parents before children. */
  List<Node> nodes() {
    List<Node> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(Node node, List<Node> all) {
    all.add(node);
    for (Node child : node.orderedChildren()) {
      collect(child, all);
    }
  }
}
