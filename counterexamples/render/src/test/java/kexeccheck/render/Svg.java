package kexeccheck.render;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG drawn by {@code dot}, read as XML: its texts, its red cells and its red edges. */
record Svg(Document document) {

    static Svg parse(byte[] svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder b = f.newDocumentBuilder();
            return new Svg(b.parse(new ByteArrayInputStream(svg)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    /** Every text element's content, in document order. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        NodeList list = document.getElementsByTagName("text");
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent().replace('\u00a0', ' '));
        }
        return out;
    }

    /** The frames ({@code F0}, …) whose name is drawn inside a red-filled cell. */
    Set<String> framesInRedCells() {
        Set<String> out = new TreeSet<>();
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!"node".equals(g.getAttribute("class"))) continue;
            NodeList polygons = g.getElementsByTagName("polygon");
            NodeList texts = g.getElementsByTagName("text");
            for (int p = 0; p < polygons.getLength(); p++) {
                Element polygon = (Element) polygons.item(p);
                if (!TraceGraph.RED.equalsIgnoreCase(polygon.getAttribute("fill"))) continue;
                double[] box = box(polygon.getAttribute("points"));
                for (int t = 0; t < texts.getLength(); t++) {
                    Element text = (Element) texts.item(t);
                    double x = Double.parseDouble(text.getAttribute("x"));
                    double y = Double.parseDouble(text.getAttribute("y"));
                    String content = text.getTextContent().strip();
                    if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && content.matches("F[0-9]+")) {
                        out.add(content);
                    }
                }
            }
        }
        return out;
    }

    /** The ids of the edges drawn in red. */
    Set<String> redEdges() {
        Set<String> out = new TreeSet<>();
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!"edge".equals(g.getAttribute("class"))) continue;
            NodeList paths = g.getElementsByTagName("path");
            for (int p = 0; p < paths.getLength(); p++) {
                if (TraceGraph.RED.equalsIgnoreCase(((Element) paths.item(p)).getAttribute("stroke"))) {
                    out.add(g.getAttribute("id"));
                }
            }
        }
        return out;
    }

    /** min x, min y, max x, max y of an SVG points list. */
    private static double[] box(String points) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String point : points.trim().split("\\s+")) {
            String[] xy = point.split(",");
            double x = Double.parseDouble(xy[0]);
            double y = Double.parseDouble(xy[1]);
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
        }
        return box;
    }
}
