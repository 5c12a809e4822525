package dev.portablefn.examples.email.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the app settings azure-functions:deploy gives the function app: the logical bucket and topic the code uses
 * are mapped to the container and Service Bus topic, with the namespace and storage account portablefn-azure-sdk and
 * the subscribers' trigger connection need.
 */
class AppSettingsTest {

    @Test
    void theLogicalBucketAndTopicTheCodeUsesAreMappedWithTheNamespaceAndAccountTheyLiveIn() throws Exception {
        Element plugin = azurePlugin();
        NodeList properties = plugin.getElementsByTagName("appSettings").item(0).getChildNodes();
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            if (properties.item(i) instanceof Element property) {
                settings.put(text(property, "name"), text(property, "value"));
            }
        }

        assertThat(settings)
                .containsEntry(LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, EmailPipeline.INBOX_BUCKET),
                        EmailPipeline.INBOX_BUCKET)
                .containsEntry(LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, EmailPipeline.ADDRESSES_TOPIC),
                        "servicebus:" + EmailPipeline.ADDRESSES_TOPIC)
                .containsEntry("PORTABLEFN_SERVICEBUS_NAMESPACE", "${serviceBusNamespace}.servicebus.windows.net")
                .containsEntry("ServiceBusConnection__fullyQualifiedNamespace", "${serviceBusNamespace}.servicebus.windows.net")
                .containsEntry("PORTABLEFN_STORAGE_ACCOUNT", "${storageAccount}")
                .containsEntry("FUNCTIONS_EXTENSION_VERSION", "~4")
                .containsEntry("PORTABLEFN_ACCESS_LOG", "true");
    }

    private static Element azurePlugin() throws Exception {
        NodeList plugins = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("azure-functions-maven-plugin")) {
                return plugin;
            }
        }
        throw new AssertionError("pom.xml has no azure-functions-maven-plugin");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
    }
}
