package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.catalog.domain.SourceServer;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A server item's origin reads back as written; an item written before origins were stored reads without one. */
class ServerItemsTest {

    static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("serverId", AttributeValue.fromS("s-0000000000000000a"));
        item.put("accountId", AttributeValue.fromS("111122223333"));
        item.put("region", AttributeValue.fromS("us-west-2"));
        item.put("replicationState", AttributeValue.fromS("CONTINUOUS"));
        item.put("knownToDrs", AttributeValue.fromBool(true));
        return item;
    }

    @Test
    void anEc2OriginAndTheDirectionSurviveTheRoundTrip() {
        ServerOrigin origin = new ServerOrigin(
                ServerOrigin.Type.EC2, AccountId.of("444455556666"), "us-east-1", "us-east-1a", "i-0123456789abcdef0");
        Map<String, AttributeValue> item = item();
        item.put("origin", ServerItems.originAttribute(origin));
        item.put("replicationDirection", AttributeValue.fromS("FAILBACK"));
        item.put(
                "reversedDirectionSourceServerArn",
                AttributeValue.fromS("arn:aws:drs:us-east-1:444455556666:source-server/s-0000000000000000b"));

        SourceServer server = ServerItems.fromItem(item);

        assertThat(server.origin()).isEqualTo(origin);
        assertThat(server.replicationDirection()).isEqualTo("FAILBACK");
        assertThat(server.reversedDirectionSourceServerArn()).endsWith("s-0000000000000000b");
        item.put("origin", ServerItems.originAttribute(ServerOrigin.ON_PREMISES));
        assertThat(ServerItems.fromItem(item).origin()).isEqualTo(ServerOrigin.ON_PREMISES);
    }

    @Test
    void anOlderItemOrAnUnreadableOriginReadsAsNoOrigin() {
        SourceServer older = ServerItems.fromItem(item());

        assertThat(older.origin()).isNull();
        assertThat(older.replicationDirection()).isNull();
        assertThat(older.reversedDirectionSourceServerArn()).isNull();
        Map<String, AttributeValue> odd = item();
        odd.put("origin", AttributeValue.fromM(Map.of("type", AttributeValue.fromS("MAINFRAME"))));
        assertThat(ServerItems.fromItem(odd).origin()).isNull();
    }
}
