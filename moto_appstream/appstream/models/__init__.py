"""The AppStream backend: fleets, stacks, images, users and their associations."""

import functools
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from botocore.paginate import TokenDecoder
from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.exceptions import InvalidToken
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.utilities.arns import parse_arn
from moto.utilities.paginator import paginate
from moto.utilities.tagging_service import TaggingService

from ..exceptions import (
    ConcurrentModificationException,
    IncompatibleImageException,
    InvalidParameterCombinationException,
    InvalidParameterValueException,
    LimitExceededException,
    ResourceAlreadyExistsException,
    ResourceInUseException,
    ResourceNotAvailableException,
    ResourceNotFoundException,
    ValidationException,
)
from .common import AuthenticationType, clear_blank_labels, warn_unmodelled
from .fleets import (
    ATTRIBUTE_MEMBERS,
    FLEET_MODEL_NAME,
    UPDATABLE_MEMBERS,
    Fleet,
    FleetAttribute,
    FleetState,
    FleetType,
    aws_state_name,
    check_elastic_fleet,
    check_elastic_update,
    check_iam_role,
    check_image_choice,
    check_instance_capacity,
    check_not_elastic,
    check_platform,
    check_timeouts,
)
from .images import Image, ImageState, private_image, public_images
from .stacks import (
    CONNECTOR_ATTRIBUTES,
    DELETABLE_ATTRIBUTES,
    REPLACEABLE_MEMBERS,
    STACK_MEMBERS,
    WINDOWS_ONLY_CONNECTORS,
    Stack,
    StackAttribute,
    check_agent_access,
    check_application_settings,
    check_storage_connectors,
    check_user_settings,
)
from .users import (
    MessageAction,
    User,
    UserKey,
    UserStackAssociation,
    UserStackAssociationErrorCode,
    association_error,
)

T = TypeVar("T")

TRANSITION_MODELS: dict[str, dict[str, Any]] = {
    FLEET_MODEL_NAME: {"progression": "immediate"},
}

# DescribeFleets, DescribeStacks and ListAssociated* take no page size: AWS picks
# one. DescribeUserStackAssociations pages are capped by its output list shape.
PAGE_SIZE = 25

PAGINATION_MODEL = {
    "describe_fleets": {
        "input_token": "next_token",
        "limit_default": PAGE_SIZE,
        "unique_attribute": "name",
    },
    "describe_stacks": {
        "input_token": "next_token",
        "limit_default": PAGE_SIZE,
        "unique_attribute": "name",
    },
    "describe_images": {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": 25,
        "unique_attribute": "arn",
    },
    "describe_users": {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": 50,
        "unique_attribute": "arn",
    },
    "describe_user_stack_associations": {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": PAGE_SIZE,
        "unique_attribute": ["stack_name", "authentication_type", "user_name"],
    },
    "list_associated_fleets": {
        "input_token": "next_token",
        "limit_default": PAGE_SIZE,
        "unique_attribute": "name",
    },
    "list_associated_stacks": {
        "input_token": "next_token",
        "limit_default": PAGE_SIZE,
        "unique_attribute": "name",
    },
}


def paginated(
    method: Callable[..., list[Any]],
) -> Callable[..., tuple[list[Any], str | None]]:
    """Page with moto's paginator; a token it cannot use is AWS's ValidationException."""
    paged = paginate(pagination_model=PAGINATION_MODEL)(method)

    @functools.wraps(method)
    def page(*args: Any, **kwargs: Any) -> tuple[list[Any], str | None]:
        try:
            items, next_token = paged(*args, **kwargs)
        except InvalidToken:
            token = kwargs.get("next_token")
            msg = f"The NextToken {token} is not valid for this request."
            raise ValidationException(msg)
        # Reading a resource is what moves a manual state progression on.
        for item in items:
            if isinstance(item, ManagedState):
                item.advance()
        return items, next_token

    return page


def resume_at(items_by_name: dict[str, T], next_token: str | None) -> list[T]:
    """The items from the one a NextToken names onwards, all of them without one.

    moto's paginator finds a page's first item by testing every item before it;
    starting the list there keeps a walk through many pages linear. A token this
    cannot read is left for the paginator to judge.
    """
    items = list(items_by_name.values())
    if next_token is None:
        return items
    try:
        name = TokenDecoder().decode(next_token)["uniqueAttributes"]
        return items[list(items_by_name).index(name) :]
    except (ValueError, TypeError, KeyError, AttributeError):
        return items


# Default service quotas per account and Region.
QUOTAS = {"fleets": 10, "stacks": 10, "users": 50, "tags": 50}

ENFORCE_QUOTAS_VARIABLE = "MOTO_APPSTREAM_ENFORCE_QUOTAS"

DIRECTORY_USERS_MESSAGE = (
    "Users in a user pool cannot be assigned to stacks with fleets that are joined "
    "to an Active Directory domain."
)


def quotas_enforced() -> bool:
    return os.environ.get(ENFORCE_QUOTAS_VARIABLE, "true").lower() != "false"


class AppStreamBackend(BaseBackend):
    """Amazon AppStream 2.0 fleets, stacks, user-pool users and their associations.

    Fleets start STOPPED. StartFleet and StopFleet move them to STARTING and
    STOPPING; the state manager (model ``appstream::fleet``) then takes them to
    RUNNING and STOPPED, at once by default. ``ComputeCapacityStatus`` follows the
    state: a running fleet has all of its desired instances running and available.

    DescribeImages lists a catalog of AWS base images in every Region. AWS makes
    private images only inside an image builder, so tests add them with
    ``moto_appstream.add_private_image`` (or ``POST /moto-api/appstream/images``
    against the server).

    The default quotas (10 fleets, 10 stacks, 50 users and 50 tags a resource)
    raise ``LimitExceededException``; set ``MOTO_APPSTREAM_ENFORCE_QUOTAS=false``
    to lift them.
    """

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self._lock = threading.RLock()
        self.fleets: dict[str, Fleet] = {}
        self.stacks: dict[str, Stack] = {}
        self.public_images = public_images(region_name)
        self.private_images: dict[str, Image] = {}
        self.users: dict[UserKey, User] = {}
        self.fleet_of_stack: dict[str, str] = {}
        self.stacks_of_fleet: dict[str, dict[str, None]] = {}
        self.users_of_stack: dict[str, dict[UserKey, UserStackAssociation]] = {}
        self.stacks_of_user: dict[UserKey, dict[str, UserStackAssociation]] = {}
        self.tagger = TaggingService()

    def _check_quota(self, resource: str, count: int) -> None:
        limit = QUOTAS[resource]
        if count >= limit and quotas_enforced():
            msg = (
                f"The maximum number of {resource} ({limit}) has been reached for "
                "this account in this Region."
            )
            raise LimitExceededException(msg)

    def _add_tags(self, arn: str, tags: dict[str, str] | None) -> None:
        self.tagger.tag_resource(arn, TaggingService.convert_dict_to_tags_input(tags))

    def _get_fleet(self, name: str) -> Fleet:
        if name not in self.fleets:
            raise ResourceNotFoundException(f"The fleet {name} does not exist.")
        return self.fleets[name]

    def _get_stack(self, name: str) -> Stack:
        if name not in self.stacks:
            raise ResourceNotFoundException(f"The stack {name} does not exist.")
        return self.stacks[name]

    def _get_user(self, user_name: str, authentication_type: str) -> User:
        key = (authentication_type, user_name)
        if key not in self.users:
            msg = (
                f"The user {user_name} with authentication type "
                f"{authentication_type} does not exist."
            )
            raise ResourceNotFoundException(msg)
        return self.users[key]

    def _find_image(self, name: str | None, arn: str | None) -> Image | None:
        if arn is not None:
            parsed = parse_arn(arn)
            if parsed.region != self.region_name or parsed.service != "appstream":
                return None
            if parsed.account == "":
                image = self.public_images.get(parsed.resource_id)
            elif parsed.account == self.account_id:
                image = self.private_images.get(parsed.resource_id)
            else:
                return None
            return image if image is not None and image.arn == arn else None
        if name is None:
            return None
        return self.private_images.get(name) or self.public_images.get(name)

    def _get_image(self, name: str | None, arn: str | None) -> Image:
        image = self._find_image(name, arn)
        if image is None:
            shown = arn if arn is not None else name
            msg = f"The image {shown} for account {self.account_id} does not exist."
            raise ResourceNotFoundException(msg)
        return image

    def _get_usable_image(self, name: str | None, arn: str | None) -> Image:
        image = self._get_image(name, arn)
        if not image.is_available:
            msg = (
                f"The image {image.name} is {image.state}. The image must be in an "
                "AVAILABLE state for this action to succeed."
            )
            raise ResourceNotAvailableException(msg)
        return image

    def _get_taggable(self, resource_arn: str) -> Fleet | Stack | Image:
        arn = parse_arn(resource_arn)
        resource: Fleet | Stack | Image | None = None
        if (
            arn.service == "appstream"
            and arn.region == self.region_name
            and arn.account == self.account_id
        ):
            collections: dict[str, Any] = {
                "fleet": self.fleets,
                "stack": self.stacks,
                "image": self.private_images,
            }
            resource = collections.get(arn.resource_type, {}).get(arn.resource_id)
        if resource is None or resource.arn != resource_arn:
            msg = f"The resource {resource_arn} does not exist."
            raise ResourceNotFoundException(msg)
        return resource

    def add_image(
        self,
        name: str,
        platform: str,
        *,
        display_name: str | None = None,
        description: str | None = None,
        supported_instance_families: list[str] | None = None,
        image_builder_supported: bool = True,
        state: str = ImageState.AVAILABLE.value,
    ) -> Image:
        """Add a private image, as finishing an image builder's snapshot would."""
        with self._lock:
            if name in self.private_images or name in self.public_images:
                raise ResourceAlreadyExistsException(
                    f"The image {name} already exists."
                )
            image = private_image(
                self.account_id,
                self.region_name,
                name,
                platform,
                display_name=display_name,
                description=description,
                supported_instance_families=supported_instance_families,
                image_builder_supported=image_builder_supported,
                state=state,
            )
            self.private_images[name] = image
            return image

    def create_fleet(
        self,
        name: str,
        instance_type: str,
        fleet_type: str | None,
        image_name: str | None,
        image_arn: str | None,
        tags: dict[str, str] | None,
        settings: dict[str, Any],
    ) -> Fleet:
        """FleetType defaults to ON_DEMAND. No instances are provisioned: the
        fleet only records its settings. ``IamRoleArn`` must name an IAM role,
        but the role itself is not looked up. Image-based fleets take their
        Platform from the image.
        """
        # settings: the remaining request members, keyed by their AWS names.
        warn_unmodelled("CreateFleet", settings, UPDATABLE_MEMBERS)
        settings = clear_blank_labels(settings)
        fleet_type = fleet_type or FleetType.ON_DEMAND.value
        check_timeouts(settings)
        check_iam_role(settings.get("IamRoleArn"))
        if fleet_type == FleetType.ELASTIC:
            image = None
            check_elastic_fleet(instance_type, image_name, image_arn, settings)
        else:
            check_image_choice(image_name, image_arn)
            check_instance_capacity(settings)
        with self._lock:
            if name in self.fleets:
                raise ResourceAlreadyExistsException(
                    f"The fleet {name} already exists."
                )
            self._check_quota("fleets", len(self.fleets))
            if fleet_type != FleetType.ELASTIC:
                image = self._get_usable_image(image_name, image_arn)
                check_platform(settings.get("Platform"), image)
            fleet = Fleet(
                self.account_id,
                self.region_name,
                name,
                instance_type,
                fleet_type,
                image,
                settings,
            )
            self.fleets[name] = fleet
            self.stacks_of_fleet[name] = {}
            self._add_tags(fleet.arn, tags)
            return fleet

    @paginated
    def describe_fleets(
        self, names: list[str] | None, next_token: str | None = None
    ) -> list[Fleet]:
        with self._lock:
            if names:
                return [self._get_fleet(name) for name in names]
            return resume_at(self.fleets, next_token)

    def update_fleet(
        self,
        name: str | None,
        image_name: str | None,
        image_arn: str | None,
        attributes_to_delete: list[str] | None,
        delete_vpc_config: bool | None,
        settings: dict[str, Any],
    ) -> Fleet:
        """A running fleet accepts a new image only of the same operating system.
        The image's own volume size is not modelled, so ``RootVolumeConfig`` is
        checked against 200-500 GB only.
        """
        if name is None:
            msg = "The fleet name is required."
            raise InvalidParameterCombinationException(msg)
        warn_unmodelled("UpdateFleet", settings, UPDATABLE_MEMBERS)
        settings = clear_blank_labels(settings)
        attributes = list(attributes_to_delete or [])
        if delete_vpc_config and FleetAttribute.VPC_CONFIGURATION not in attributes:
            attributes.append(FleetAttribute.VPC_CONFIGURATION.value)
        check_timeouts(settings)
        check_iam_role(settings.get("IamRoleArn"))
        for attribute in attributes:
            member = ATTRIBUTE_MEMBERS[FleetAttribute(attribute)]
            if member in settings:
                msg = f"The attribute {attribute} cannot be deleted and set at once."
                raise InvalidParameterCombinationException(msg)
        if image_name is not None and image_arn is not None:
            msg = "Specify either ImageName or ImageArn, not both."
            raise InvalidParameterCombinationException(msg)

        with self._lock:
            fleet = self._get_fleet(name)
            changed = set(settings)
            changed.update(ATTRIBUTE_MEMBERS[FleetAttribute(a)] for a in attributes)
            if image_name is not None:
                changed.add("ImageName")
            if image_arn is not None:
                changed.add("ImageArn")
            fleet.check_update_allowed(changed)
            image = None
            if fleet.is_elastic:
                check_elastic_update(image_name, image_arn, settings)
            else:
                check_not_elastic(settings)
                if image_name is not None or image_arn is not None:
                    image = self._get_usable_image(image_name, image_arn)
                    fleet.check_image_compatible(image)
                current_image = self._find_image(None, fleet.image_arn)
                check_platform(settings.get("Platform"), image or current_image)
            if (
                not fleet.is_elastic
                and {
                    "ComputeCapacity",
                    "MaxSessionsPerInstance",
                }
                & changed
            ):
                sessions_deleted = (
                    FleetAttribute.MAX_SESSIONS_PER_INSTANCE in attributes
                )
                check_instance_capacity(
                    {
                        "ComputeCapacity": settings.get(
                            "ComputeCapacity", fleet.compute_capacity
                        ),
                        "MaxSessionsPerInstance": None
                        if sessions_deleted
                        else settings.get(
                            "MaxSessionsPerInstance", fleet.max_sessions_per_instance
                        ),
                    }
                )
            fleet.delete_attributes(attributes)
            fleet.apply(settings)
            if image is not None:
                fleet.use_image(image)
            return fleet

    def delete_fleet(self, name: str) -> None:
        with self._lock:
            fleet = self._get_fleet(name)
            if self.stacks_of_fleet[name]:
                msg = (
                    f"The fleet {name} is associated with a stack. To delete the "
                    "fleet, you must dissociate it from the stack."
                )
                raise ResourceInUseException(msg)
            if fleet.state != FleetState.STOPPED:
                msg = (
                    f"Cannot delete fleet {name} when it is "
                    f"{aws_state_name(fleet.state)}. The fleet must be stopped to "
                    "complete this action."
                )
                raise ResourceInUseException(msg)
            del self.fleets[name]
            del self.stacks_of_fleet[name]
            self.tagger.delete_all_tags_for_resource(fleet.arn)

    def start_fleet(self, name: str) -> None:
        """Starting a STARTING or RUNNING fleet changes nothing; starting a
        STOPPING fleet raises ConcurrentModificationException. Instance quotas
        are not modelled.
        """
        with self._lock:
            fleet = self._get_fleet(name)
            if fleet.state == FleetState.STOPPING:
                msg = (
                    f"The fleet {name} is STOPPING. Wait until it is STOPPED, then "
                    "start it."
                )
                raise ConcurrentModificationException(msg)
            fleet.start()

    def stop_fleet(self, name: str) -> None:
        """Stopping a STOPPING or STOPPED fleet changes nothing."""
        with self._lock:
            self._get_fleet(name).stop()

    def create_stack(
        self, name: str, tags: dict[str, str] | None, settings: dict[str, Any]
    ) -> Stack:
        """Storage connectors and application settings are recorded, not
        provisioned; HOMEFOLDERS gets the account's default bucket as its
        ResourceIdentifier, and persistent application settings a generated
        S3BucketName and, by default, the stack name as SettingsGroup.
        """
        warn_unmodelled("CreateStack", settings, STACK_MEMBERS)
        settings = clear_blank_labels(settings)
        check_user_settings(settings.get("UserSettings"))
        check_storage_connectors(settings.get("StorageConnectors"))
        check_application_settings(settings.get("ApplicationSettings"))
        check_agent_access(settings.get("AgentAccessConfig"))
        with self._lock:
            if name in self.stacks:
                raise ResourceAlreadyExistsException(
                    f"The stack {name} already exists."
                )
            self._check_quota("stacks", len(self.stacks))
            stack = Stack(self.account_id, self.region_name, name, settings)
            self.stacks[name] = stack
            self.users_of_stack[name] = {}
            self._add_tags(stack.arn, tags)
            return stack

    @paginated
    def describe_stacks(
        self, names: list[str] | None, next_token: str | None = None
    ) -> list[Stack]:
        with self._lock:
            if names:
                return [self._get_stack(name) for name in names]
            return resume_at(self.stacks, next_token)

    def update_stack(
        self,
        name: str,
        attributes_to_delete: list[str] | None,
        delete_storage_connectors: bool | None,
        settings: dict[str, Any],
    ) -> Stack:
        """Given user settings replace those of the same actions; the others keep
        their permissions. Deleting ``USER_SETTINGS`` restores the defaults.
        ``THEME_NAME`` and ``IAM_ROLE_ARN`` name attributes this mock does not
        model, so deleting them changes nothing.
        """
        warn_unmodelled("UpdateStack", settings, STACK_MEMBERS)
        settings = clear_blank_labels(settings)
        attributes = list(attributes_to_delete or [])
        if delete_storage_connectors:
            attributes.append(StackAttribute.STORAGE_CONNECTORS.value)
        check_user_settings(settings.get("UserSettings"))
        check_storage_connectors(settings.get("StorageConnectors"))
        check_application_settings(settings.get("ApplicationSettings"))
        with self._lock:
            stack = self._get_stack(name)
            self._check_stack_serves_fleet(stack, settings)
            for attribute in map(StackAttribute, attributes):
                if attribute == StackAttribute.STORAGE_CONNECTORS:
                    stack.remove_storage_connectors()
                elif attribute in CONNECTOR_ATTRIBUTES:
                    stack.remove_storage_connectors(CONNECTOR_ATTRIBUTES[attribute])
                elif attribute == StackAttribute.USER_SETTINGS:
                    stack.reset_user_settings()
                elif attribute in DELETABLE_ATTRIBUTES:
                    setattr(stack, DELETABLE_ATTRIBUTES[attribute], None)
            for member, attribute_name in REPLACEABLE_MEMBERS.items():
                if member in settings:
                    setattr(stack, attribute_name, settings[member])
            if "StorageConnectors" in settings:
                stack.set_storage_connectors(settings["StorageConnectors"])
            if "UserSettings" in settings:
                stack.merge_user_settings(settings["UserSettings"])
            stack.set_application_settings(settings.get("ApplicationSettings"))
            if "AgentAccessConfig" in settings:
                stack.update_agent_access_config(settings["AgentAccessConfig"])
            return stack

    def _check_stack_serves_fleet(self, stack: Stack, settings: dict[str, Any]) -> None:
        fleet_name = self.fleet_of_stack.get(stack.name)
        if fleet_name is None or not self.fleets[fleet_name].is_linux:
            return
        connectors = {c["ConnectorType"] for c in settings.get("StorageConnectors", [])}
        persistent = (settings.get("ApplicationSettings") or {}).get("Enabled")
        if connectors & WINDOWS_ONLY_CONNECTORS or persistent:
            msg = (
                f"The stack {stack.name} is associated with fleet {fleet_name}, whose "
                "image does not support Google Drive, OneDrive or persistent "
                "application settings."
            )
            raise IncompatibleImageException(msg)

    def delete_stack(self, name: str) -> None:
        """The stack's user associations and tags go with it."""
        with self._lock:
            stack = self._get_stack(name)
            if name in self.fleet_of_stack:
                msg = (
                    f"Cannot delete stack {name}. This stack has fleets associated "
                    "with it. Only stacks with no fleets associated with it can be "
                    "deleted."
                )
                raise ResourceInUseException(msg)
            for user_key in self.users_of_stack.pop(name):
                del self.stacks_of_user[user_key][name]
            del self.stacks[name]
            self.tagger.delete_all_tags_for_resource(stack.arn)

    def associate_fleet(self, fleet_name: str, stack_name: str) -> None:
        """A stack serves one fleet; associating the same pair again is a no-op."""
        with self._lock:
            fleet = self._get_fleet(fleet_name)
            stack = self._get_stack(stack_name)
            current = self.fleet_of_stack.get(stack_name)
            if current == fleet_name:
                return
            if current is not None:
                msg = (
                    f"The stack {stack_name} is already associated with fleet "
                    f"{current}. A stack can be associated with one fleet only."
                )
                raise LimitExceededException(msg)
            if fleet.is_linux and stack.needs_windows_fleet:
                msg = (
                    f"The fleet {fleet_name} runs {fleet.platform}, which does not "
                    f"support the storage connectors or application settings "
                    f"persistence of stack {stack_name}."
                )
                raise IncompatibleImageException(msg)
            self.fleet_of_stack[stack_name] = fleet_name
            self.stacks_of_fleet[fleet_name][stack_name] = None

    def disassociate_fleet(self, fleet_name: str, stack_name: str) -> None:
        with self._lock:
            self._get_fleet(fleet_name)
            self._get_stack(stack_name)
            if self.fleet_of_stack.get(stack_name) != fleet_name:
                msg = (
                    f"The fleet {fleet_name} is not associated with the stack "
                    f"{stack_name}."
                )
                raise ResourceNotFoundException(msg)
            del self.fleet_of_stack[stack_name]
            del self.stacks_of_fleet[fleet_name][stack_name]

    @paginated
    def list_associated_fleets(self, stack_name: str) -> list[Fleet]:
        """An unknown stack has no associated fleets."""
        with self._lock:
            fleet_name = self.fleet_of_stack.get(stack_name)
            return [] if fleet_name is None else [self.fleets[fleet_name]]

    @paginated
    def list_associated_stacks(self, fleet_name: str) -> list[Stack]:
        """An unknown fleet has no associated stacks."""
        with self._lock:
            stack_names = self.stacks_of_fleet.get(fleet_name, {})
            return [self.stacks[stack_name] for stack_name in stack_names]

    def create_user(
        self,
        user_name: str,
        authentication_type: str,
        message_action: str | None,
        first_name: str | None,
        last_name: str | None,
    ) -> None:
        """No e-mail is sent; ``MessageAction=RESEND`` only checks that the user
        exists. New users have the Status UNCONFIRMED.
        """
        if authentication_type != AuthenticationType.USERPOOL:
            msg = (
                f"Cannot create a user with '{authentication_type}' authentication type"
            )
            raise InvalidParameterValueException(msg)
        if self.partition != "aws":
            msg = (
                "The AppStream 2.0 user pool feature is not available in the "
                f"{self.region_name} Region."
            )
            raise InvalidParameterValueException(msg)
        key = (authentication_type, user_name)
        with self._lock:
            if message_action == MessageAction.RESEND:
                if first_name is not None or last_name is not None:
                    msg = "FirstName and LastName cannot be set when resending."
                    raise InvalidParameterCombinationException(msg)
                if key not in self.users:
                    msg = (
                        f"The user {user_name} does not exist, so it cannot be resent."
                    )
                    raise InvalidParameterCombinationException(msg)
                return
            if key in self.users:
                raise ResourceAlreadyExistsException(
                    f"The user {user_name} already exists."
                )
            self._check_quota("users", len(self.users))
            self.users[key] = User(
                self.account_id,
                self.region_name,
                user_name,
                authentication_type,
                first_name,
                last_name,
            )
            self.stacks_of_user[key] = {}

    @paginated
    def describe_users(
        self, authentication_type: str, max_results: int | None = None
    ) -> list[User]:
        if max_results is not None and max_results < 0:
            msg = "MaxResults must not be negative."
            raise InvalidParameterCombinationException(msg)
        if authentication_type != AuthenticationType.USERPOOL:
            msg = (
                f"Users of the {authentication_type} authentication type cannot be "
                "described. Use USERPOOL."
            )
            raise InvalidParameterCombinationException(msg)
        with self._lock:
            return list(self.users.values())

    def enable_user(self, user_name: str, authentication_type: str) -> None:
        with self._lock:
            self._get_user(user_name, authentication_type).enabled = True

    def disable_user(self, user_name: str, authentication_type: str) -> None:
        """A disabled user keeps its stack associations."""
        with self._lock:
            self._get_user(user_name, authentication_type).enabled = False

    def delete_user(self, user_name: str, authentication_type: str) -> None:
        """The user's stack associations go with it."""
        with self._lock:
            user = self._get_user(user_name, authentication_type)
            for stack_name in self.stacks_of_user.pop(user.key):
                del self.users_of_stack[stack_name][user.key]
            del self.users[user.key]

    def _check_batch(self, entries: list[dict[str, Any]]) -> None:
        seen: set[tuple[str, str, str]] = set()
        for entry in entries:
            if entry["AuthenticationType"] != AuthenticationType.USERPOOL:
                msg = (
                    "Only users of the USERPOOL authentication type can be "
                    "associated with stacks."
                )
                raise InvalidParameterCombinationException(msg)
            identity = (
                entry["StackName"],
                entry["AuthenticationType"],
                entry["UserName"],
            )
            if identity in seen:
                msg = (
                    f"The user {entry['UserName']} and stack {entry['StackName']} "
                    "are specified more than once."
                )
                raise InvalidParameterCombinationException(msg)
            seen.add(identity)

    def _entry_error(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        stack_name = entry["StackName"]
        if stack_name not in self.stacks:
            return association_error(
                entry,
                UserStackAssociationErrorCode.STACK_NOT_FOUND,
                f"The stack {stack_name} does not exist.",
            )
        if (entry["AuthenticationType"], entry["UserName"]) not in self.users:
            return association_error(
                entry,
                UserStackAssociationErrorCode.USER_NAME_NOT_FOUND,
                f"The user {entry['UserName']} does not exist.",
            )
        fleet_name = self.fleet_of_stack.get(stack_name)
        if fleet_name is not None and self.fleets[fleet_name].is_domain_joined:
            return association_error(
                entry,
                UserStackAssociationErrorCode.DIRECTORY_NOT_FOUND,
                DIRECTORY_USERS_MESSAGE,
            )
        return None

    def batch_associate_user_stack(
        self, user_stack_associations: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Entries that fail are reported; the others are applied. No e-mail is
        sent; ``SendEmailNotification`` is stored and returned.
        """
        self._check_batch(user_stack_associations)
        errors = []
        with self._lock:
            for entry in user_stack_associations:
                error = self._entry_error(entry)
                if error is not None:
                    errors.append(error)
                    continue
                association = UserStackAssociation(
                    entry["StackName"],
                    entry["UserName"],
                    entry["AuthenticationType"],
                    bool(entry.get("SendEmailNotification", False)),
                )
                self.users_of_stack[association.stack_name][association.user_key] = (
                    association
                )
                self.stacks_of_user[association.user_key][association.stack_name] = (
                    association
                )
        return errors

    def batch_disassociate_user_stack(
        self, user_stack_associations: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """A pair that is not associated is skipped without an error."""
        self._check_batch(user_stack_associations)
        errors = []
        with self._lock:
            for entry in user_stack_associations:
                error = self._entry_error(entry)
                if error is not None:
                    errors.append(error)
                    continue
                user_key = (entry["AuthenticationType"], entry["UserName"])
                self.users_of_stack[entry["StackName"]].pop(user_key, None)
                self.stacks_of_user[user_key].pop(entry["StackName"], None)
        return errors

    @paginated
    def describe_user_stack_associations(
        self,
        stack_name: str | None,
        user_name: str | None,
        authentication_type: str | None,
    ) -> list[UserStackAssociation]:
        """An unknown stack or user has no associations."""
        if stack_name is None and (user_name is None or authentication_type is None):
            msg = (
                "Specify a StackName, or a UserName together with an "
                "AuthenticationType."
            )
            raise InvalidParameterCombinationException(msg)
        if (user_name is None) != (authentication_type is None):
            msg = "UserName and AuthenticationType must be specified together."
            raise InvalidParameterCombinationException(msg)
        with self._lock:
            if user_name is None or authentication_type is None:
                return list(self.users_of_stack.get(stack_name or "", {}).values())
            by_stack = self.stacks_of_user.get((authentication_type, user_name), {})
            if stack_name is None:
                return list(by_stack.values())
            association = by_stack.get(stack_name)
            return [] if association is None else [association]

    @paginated
    def describe_images(
        self, names: list[str] | None, arns: list[str] | None, type: str | None
    ) -> list[Image]:
        """Shared images are not modelled: ``Type=SHARED`` lists nothing."""
        if names and arns:
            msg = "Specify either Names or Arns, not both."
            raise InvalidParameterCombinationException(msg)
        with self._lock:
            if names:
                images = [self._get_image(name, None) for name in names]
            elif arns:
                images = [self._get_image(None, arn) for arn in arns]
            else:
                images = list(self.public_images.values())
                images.extend(self.private_images.values())
            if type is not None:
                images = [image for image in images if image.visibility == type]
            return images

    def tag_resource(self, resource_arn: str, tags: dict[str, str]) -> None:
        with self._lock:
            resource = self._get_taggable(resource_arn)
            current = self.tagger.get_tag_dict_for_resource(resource.arn)
            if len(current.keys() | tags.keys()) > QUOTAS["tags"] and quotas_enforced():
                msg = (
                    f"The resource {resource_arn} would have more than "
                    f"{QUOTAS['tags']} tags."
                )
                raise LimitExceededException(msg)
            self._add_tags(resource.arn, tags)

    def untag_resource(self, resource_arn: str, tag_keys: list[str]) -> None:
        with self._lock:
            resource = self._get_taggable(resource_arn)
            self.tagger.untag_resource_using_names(resource.arn, tag_keys)

    def list_tags_for_resource(self, resource_arn: str) -> dict[str, str]:
        with self._lock:
            resource = self._get_taggable(resource_arn)
            return self.tagger.get_tag_dict_for_resource(resource.arn)


appstream_backends = BackendDict(AppStreamBackend, "appstream")
