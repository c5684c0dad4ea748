package io.megaphone.ingest.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Small documents cut out of a big XML one (a generated feed of 2,000 items): the element repeated most under
 * one parent (item, entry) is kept a few at a time, so each document is a valid feed of a few items and a
 * mutated copy stays small.
 */
final class XmlWindows {
  private XmlWindows() {}

  /** Up to {@code max} documents of {@code size} consecutive repeated elements each; the input when it cannot. */
  static List<byte[]> windows(byte[] xml, int size, int max) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setExpandEntityReferences(false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      Element parent = null;
      String name = null;
      int most = 0;
      List<Element> stack = new ArrayList<>(List.of(doc.getDocumentElement()));
      while (!stack.isEmpty()) {
        Element e = stack.remove(stack.size() - 1);
        Map<String, Integer> counts = new HashMap<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element ce) {
            int n = counts.merge(ce.getTagName(), 1, Integer::sum);
            if (n > most) {
              most = n;
              parent = e;
              name = ce.getTagName();
            }
            stack.add(ce);
          }
        }
      }
      if (parent == null || most <= size) return List.of(xml);
      List<byte[]> out = new ArrayList<>();
      for (int w = 0; w < max && w * size < most; w++) {
        Document copy = (Document) doc.cloneNode(true);
        Element p = locate(copy, doc, parent);
        NodeList all = p.getChildNodes();
        int k = 0;
        List<Node> drop = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
          if (all.item(i) instanceof Element ce && ce.getTagName().equals(name)) {
            if (k < w * size || k >= (w + 1) * size) drop.add(ce);
            k++;
          }
        }
        for (Node n : drop) p.removeChild(n);
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        t.transform(new DOMSource(copy), new StreamResult(b));
        out.add(b.toByteArray());
      }
      return out;
    } catch (Exception e) {
      return List.of(xml);
    }
  }

  /** The element of {@code copy} at the same place as {@code e} in {@code original}. */
  private static Element locate(Document copy, Document original, Element e) {
    List<Integer> path = new ArrayList<>();
    for (Node n = e; n.getParentNode() != null && n != original; n = n.getParentNode()) {
      int i = 0;
      for (Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) i++;
      path.add(0, i);
    }
    Node n = copy;
    for (int i : path) n = n.getChildNodes().item(i);
    return (Element) n;
  }
}
